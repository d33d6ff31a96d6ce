import type { Organisation } from '@/payload-types'

export type KnownOrganisation = {
  abbreviation: string
  name: { en: string; zh: string }
  kind: Organisation['kind']
  // Other ways the forum's pages write the name.
  aliases?: string[]
}

// Abbreviations the forum's reports use without spelling them out. The import turns them into
// full names, matches those against the organisations already in the database, and creates the
// organisation with its full name when it is not there yet.
export const knownOrganisations: KnownOrganisation[] = [
  {
    abbreviation: 'WB',
    name: { en: 'World Bank', zh: '世界银行' },
    kind: 'multilateral-bank',
    aliases: ['World Bank Group'],
  },
  {
    abbreviation: 'IFC',
    name: { en: 'International Finance Corporation', zh: '国际金融公司' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'ADB',
    name: { en: 'Asian Development Bank', zh: '亚洲开发银行' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'AIIB',
    name: { en: 'Asian Infrastructure Investment Bank', zh: '亚洲基础设施投资银行' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'CASS',
    name: { en: 'Chinese Academy of Social Sciences', zh: '中国社会科学院' },
    kind: 'academic',
  },
  {
    abbreviation: 'CAS',
    name: { en: 'Chinese Academy of Sciences', zh: '中国科学院' },
    kind: 'academic',
  },
  {
    abbreviation: 'UNIDO',
    name: { en: 'United Nations Industrial Development Organization', zh: '联合国工业发展组织' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'UN-Habitat',
    name: { en: 'United Nations Human Settlements Programme', zh: '联合国人类住区规划署' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'UNDP',
    name: { en: 'United Nations Development Programme', zh: '联合国开发计划署' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'UNEP',
    name: { en: 'United Nations Environment Programme', zh: '联合国环境规划署' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'UNFCCC',
    name: {
      en: 'United Nations Framework Convention on Climate Change',
      zh: '联合国气候变化框架公约',
    },
    kind: 'un-agency',
  },
  {
    abbreviation: 'IPCC',
    name: { en: 'Intergovernmental Panel on Climate Change', zh: '政府间气候变化专门委员会' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'EU',
    name: { en: 'European Union', zh: '欧盟' },
    kind: 'intergovernmental',
    aliases: ['欧洲联盟'],
  },
  {
    abbreviation: 'IEA',
    name: { en: 'International Energy Agency', zh: '国际能源署' },
    kind: 'intergovernmental',
  },
  {
    abbreviation: 'WRI',
    name: { en: 'World Resources Institute', zh: '世界资源研究所' },
    kind: 'ngo',
  },
  {
    abbreviation: 'WWF',
    name: { en: 'World Wide Fund for Nature', zh: '世界自然基金会' },
    kind: 'ngo',
  },
  {
    abbreviation: 'NDRC',
    name: { en: 'National Development and Reform Commission', zh: '国家发展和改革委员会' },
    kind: 'government',
    aliases: ['国家发改委'],
  },
]
