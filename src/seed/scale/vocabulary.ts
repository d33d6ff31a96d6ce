// Words the synthetic forum is made of: enough variety that titles, names and text read like a
// real programme and that search has something to tell apart.
export const givenNames = [
  'Ana',
  'Li',
  'Wei',
  'Fatima',
  'Kwame',
  'Sofia',
  'Rahul',
  'Mei',
  'Olga',
  'Juan',
  'Amara',
  'Hiro',
  'Nadia',
  'Tomás',
  'Ingrid',
  'Chen',
  'Aisha',
  'Lars',
  'Priya',
  'Mateo',
  'Yuki',
  'Elena',
  'Omar',
  'Jia',
  'Kofi',
  'Marta',
  'Sipho',
  'Hana',
  'Pablo',
  'Zhen',
] as const

export const familyNames = [
  'Wang',
  'Duarte',
  'Okafor',
  'Schmidt',
  'Nakamura',
  'Haddad',
  'Kowalski',
  'Mensah',
  'Rossi',
  'Zhang',
  'Ivanova',
  'Garcia',
  'Patel',
  'Lindqvist',
  'Mbeki',
  'Tanaka',
  'Moreau',
  'Liu',
  'Silva',
  'Novak',
  'Khan',
  'Andersen',
  'Chen',
  'Alvarez',
  'Nguyen',
  'Hassan',
  'Kim',
  'Osei',
  'Larsen',
  'Yamada',
] as const

export const honorifics = ['Dr', 'Prof.', 'Mr', 'Ms', 'H.E.'] as const

export const roles = [
  'Director',
  'Senior Economist',
  'Programme Officer',
  'Chief Scientist',
  'Vice President',
  'Head of Climate Finance',
  'Professor',
  'Country Director',
  'Policy Adviser',
  'Chief Executive',
] as const

export const organisationStems = [
  'Institute for',
  'Centre for',
  'Academy of',
  'Foundation for',
  'Council on',
  'Agency for',
  'Bank for',
  'Alliance for',
  'Network on',
  'Observatory of',
] as const

export const subjects = [
  'Low-Carbon Cities',
  'Green Finance',
  'Climate Adaptation',
  'Energy Transition',
  'Carbon Markets',
  'Sustainable Industry',
  'Clean Transport',
  'Forest Carbon',
  'Water Security',
  'Climate Science',
  'Renewable Power',
  'Circular Economy',
  'Ocean Resilience',
  'Green Buildings',
] as const

// The kinds are the collections' own, so a new one is generated too.
export { meetingKinds, organisationKinds } from '@/site/kinds'

export const countries = [
  'China',
  'Brazil',
  'Kenya',
  'Germany',
  'India',
  'Japan',
  'Egypt',
  'Chile',
  'Norway',
  'Indonesia',
  'South Africa',
  'France',
  'Mexico',
  'Viet Nam',
] as const

export const venues = [
  'Beijing International Convention Centre',
  'Great Hall, Tsinghua University',
  'Diaoyutai State Guesthouse',
  'China World Hotel',
  'Renmin University Conference Hall',
] as const

export const sentences = [
  'Cities account for most of the energy used and emissions produced worldwide.',
  'Carbon pricing works best when its revenue is returned to households and small firms.',
  'Adaptation finance still lags far behind the money spent on mitigation.',
  'Grid flexibility, not generation, is now the bottleneck of the energy transition.',
  'Supply chains carry the largest share of a manufacturer’s emissions.',
  'Nature-based solutions protect coasts and store carbon at the same time.',
  'Reliable data on emissions is the first condition of any credible market.',
  'Technology cooperation between developing countries is growing quickly.',
  'Public procurement can create the first markets for low-carbon materials.',
  'Heat waves already cost cities a measurable share of their working hours.',
  'Green bonds need common standards to keep the trust of investors.',
  'Early-warning systems save lives at a small fraction of the cost of disasters.',
] as const

export const questions = [
  'How can small cities pay for the transition?',
  'What will the national carbon market cover next?',
  'Who should bear the cost of adaptation in coastal regions?',
  'How do you measure emissions along a supply chain?',
  'What role can development banks play in clean power?',
] as const
