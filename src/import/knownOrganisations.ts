import type { Organisation } from '@/payload-types'

import { nameKey } from './nameKey'

export type KnownOrganisation = {
  // Absent for a name that is short but not an acronym of it (BYD, Reuters).
  abbreviation?: string
  name: { en: string; zh: string }
  kind: Organisation['kind']
  // Other ways the forum's pages write the name.
  aliases?: string[]
}

// Well-known organisations and the abbreviations the forum's reports use without spelling them
// out. The import turns them into full names, matches those against the organisations already in
// the database, and creates the organisation with its full name when it is not there yet; their
// kinds are known rather than guessed from the name.
export const knownOrganisations: KnownOrganisation[] = [
  {
    abbreviation: 'WB',
    name: { en: 'World Bank', zh: '世界银行' },
    kind: 'multilateral-bank',
    aliases: ['World Bank Group', '世行'],
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
    aliases: ['亚行'],
  },
  {
    abbreviation: 'AIIB',
    name: { en: 'Asian Infrastructure Investment Bank', zh: '亚洲基础设施投资银行' },
    kind: 'multilateral-bank',
    aliases: ['亚投行'],
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
    // Set up by UNEP and the WMO, but its members are governments.
    kind: 'intergovernmental',
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
    aliases: ['国家发改委', '发改委'],
  },
  {
    abbreviation: 'WHO',
    name: { en: 'World Health Organization', zh: '世界卫生组织' },
    kind: 'un-agency',
    aliases: ['World Health Organisation', '世卫组织'],
  },
  {
    abbreviation: 'WMO',
    name: { en: 'World Meteorological Organization', zh: '世界气象组织' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'FAO',
    name: {
      en: 'Food and Agriculture Organization of the United Nations',
      zh: '联合国粮食及农业组织',
    },
    kind: 'un-agency',
    aliases: ['Food and Agriculture Organization', '联合国粮农组织'],
  },
  {
    abbreviation: 'UNESCO',
    name: {
      en: 'United Nations Educational, Scientific and Cultural Organization',
      zh: '联合国教育、科学及文化组织',
    },
    kind: 'un-agency',
    aliases: ['联合国教科文组织'],
  },
  {
    abbreviation: 'UNICEF',
    name: { en: "United Nations Children's Fund", zh: '联合国儿童基金会' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'ILO',
    name: { en: 'International Labour Organization', zh: '国际劳工组织' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'IMO',
    name: { en: 'International Maritime Organization', zh: '国际海事组织' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'ICAO',
    name: { en: 'International Civil Aviation Organization', zh: '国际民用航空组织' },
    kind: 'un-agency',
  },
  {
    abbreviation: 'GEF',
    name: { en: 'Global Environment Facility', zh: '全球环境基金' },
    kind: 'multilateral-bank',
  },
  {
    name: { en: 'European Commission', zh: '欧盟委员会' },
    kind: 'intergovernmental',
  },
  {
    abbreviation: 'CMA',
    name: { en: 'China Meteorological Administration', zh: '中国气象局' },
    kind: 'government',
  },
  {
    abbreviation: 'GCF',
    name: { en: 'Green Climate Fund', zh: '绿色气候基金' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'NDB',
    name: { en: 'New Development Bank', zh: '新开发银行' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'EIB',
    name: { en: 'European Investment Bank', zh: '欧洲投资银行' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'EBRD',
    name: { en: 'European Bank for Reconstruction and Development', zh: '欧洲复兴开发银行' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'CDB',
    name: { en: 'China Development Bank', zh: '国家开发银行' },
    kind: 'multilateral-bank',
  },
  {
    abbreviation: 'GGGI',
    name: { en: 'Global Green Growth Institute', zh: '全球绿色增长研究所' },
    kind: 'intergovernmental',
  },
  {
    abbreviation: 'IRENA',
    name: { en: 'International Renewable Energy Agency', zh: '国际可再生能源署' },
    kind: 'intergovernmental',
  },
  {
    abbreviation: 'OECD',
    name: {
      en: 'Organisation for Economic Co-operation and Development',
      zh: '经济合作与发展组织',
    },
    kind: 'intergovernmental',
    aliases: ['Organization for Economic Cooperation and Development', '经合组织'],
  },
  {
    abbreviation: 'C40',
    name: { en: 'C40 Cities Climate Leadership Group', zh: 'C40城市气候领导联盟' },
    kind: 'ngo',
    aliases: ['C40 Cities'],
  },
  {
    abbreviation: 'ICLEI',
    name: { en: 'ICLEI – Local Governments for Sustainability', zh: '宜可城—地方可持续发展协会' },
    kind: 'ngo',
    aliases: ['Local Governments for Sustainability'],
  },
  {
    abbreviation: 'NRDC',
    name: { en: 'Natural Resources Defense Council', zh: '自然资源保护协会' },
    kind: 'ngo',
  },
  {
    abbreviation: 'TNC',
    name: { en: 'The Nature Conservancy', zh: '大自然保护协会' },
    kind: 'ngo',
    aliases: ['Nature Conservancy'],
  },
  {
    abbreviation: 'RMI',
    name: { en: 'Rocky Mountain Institute', zh: '落基山研究所' },
    kind: 'ngo',
  },
  {
    abbreviation: 'ICCT',
    name: { en: 'International Council on Clean Transportation', zh: '国际清洁交通委员会' },
    kind: 'ngo',
  },
  {
    name: { en: 'Energy Foundation China', zh: '能源基金会' },
    kind: 'ngo',
    aliases: ['Energy Foundation', '美国能源基金会'],
  },
  {
    name: { en: 'Greenpeace', zh: '绿色和平' },
    kind: 'ngo',
  },
  {
    abbreviation: 'CEC',
    name: { en: 'China Electricity Council', zh: '中国电力企业联合会' },
    // An industry association.
    kind: 'ngo',
    aliases: ['中电联'],
  },
  {
    abbreviation: 'SEI',
    name: { en: 'Stockholm Environment Institute', zh: '斯德哥尔摩环境研究所' },
    kind: 'academic',
  },
  {
    name: { en: 'Tsinghua University', zh: '清华大学' },
    kind: 'academic',
  },
  {
    name: { en: 'Peking University', zh: '北京大学' },
    kind: 'academic',
  },
  {
    name: { en: 'Renmin University of China', zh: '中国人民大学' },
    kind: 'academic',
  },
  {
    abbreviation: 'AFD',
    name: { en: 'Agence Française de Développement', zh: '法国开发署' },
    // National aid agencies are part of their government.
    kind: 'government',
    aliases: ['French Development Agency'],
  },
  {
    abbreviation: 'GIZ',
    name: { en: 'Deutsche Gesellschaft für Internationale Zusammenarbeit', zh: '德国国际合作机构' },
    kind: 'government',
  },
  {
    abbreviation: 'NCSC',
    name: {
      en: 'National Center for Climate Change Strategy and International Cooperation',
      zh: '国家应对气候变化战略研究和国际合作中心',
    },
    kind: 'government',
  },
  {
    name: { en: 'National Climate Center', zh: '国家气候中心' },
    kind: 'government',
    aliases: ['National Climate Centre'],
  },
  {
    abbreviation: 'China CDC',
    name: { en: 'Chinese Center for Disease Control and Prevention', zh: '中国疾病预防控制中心' },
    kind: 'government',
    aliases: ['中国疾控中心'],
  },
  {
    abbreviation: 'NEA',
    name: { en: 'National Energy Administration', zh: '国家能源局' },
    kind: 'government',
  },
  {
    abbreviation: 'MEE',
    name: { en: 'Ministry of Ecology and Environment', zh: '生态环境部' },
    kind: 'government',
  },
  {
    abbreviation: 'MOST',
    name: { en: 'Ministry of Science and Technology', zh: '科学技术部' },
    kind: 'government',
    aliases: ['科技部'],
  },
  {
    name: { en: 'Xinhua News Agency', zh: '新华社' },
    kind: 'media',
    aliases: ['Xinhua', '新华通讯社'],
  },
  {
    name: { en: "People's Daily", zh: '人民日报' },
    kind: 'media',
  },
  {
    name: { en: 'China Daily', zh: '中国日报' },
    kind: 'media',
  },
  {
    abbreviation: 'CCTV',
    name: { en: 'China Central Television', zh: '中央电视台' },
    kind: 'media',
  },
  {
    abbreviation: 'CMG',
    name: { en: 'China Media Group', zh: '中央广播电视总台' },
    kind: 'media',
  },
  {
    name: { en: 'Reuters', zh: '路透社' },
    kind: 'media',
  },
  {
    name: { en: 'Caixin', zh: '财新传媒' },
    kind: 'media',
    aliases: ['Caixin Media', '财新'],
  },
  {
    name: { en: 'State Grid Corporation of China', zh: '国家电网公司' },
    kind: 'company',
    aliases: ['State Grid', '国家电网', '国家电网有限公司'],
  },
  {
    name: { en: 'China Southern Power Grid', zh: '中国南方电网' },
    kind: 'company',
    aliases: ['南方电网'],
  },
  {
    name: { en: 'China Three Gorges Corporation', zh: '中国长江三峡集团' },
    kind: 'company',
    aliases: ['三峡集团'],
  },
  {
    name: { en: 'BYD', zh: '比亚迪' },
    kind: 'company',
  },
  {
    name: { en: 'Siemens', zh: '西门子' },
    kind: 'company',
  },
  {
    name: { en: 'Schneider Electric', zh: '施耐德电气' },
    kind: 'company',
  },
  {
    name: { en: 'Vestas', zh: '维斯塔斯' },
    kind: 'company',
  },
  {
    name: { en: 'Goldwind', zh: '金风科技' },
    kind: 'company',
  },
  {
    name: { en: 'CATL', zh: '宁德时代' },
    kind: 'company',
  },
  {
    name: { en: 'Huawei', zh: '华为' },
    kind: 'company',
  },
  {
    name: { en: 'Sinopec', zh: '中国石化' },
    kind: 'company',
    aliases: ['中国石油化工集团'],
  },
  {
    name: { en: 'The Climate Group', zh: '气候组织' },
    kind: 'ngo',
    aliases: ['Climate Group'],
  },
  {
    abbreviation: 'IUCN',
    name: { en: 'International Union for Conservation of Nature', zh: '世界自然保护联盟' },
    kind: 'ngo',
  },
  {
    abbreviation: 'CGTN',
    name: { en: 'China Global Television Network', zh: '中国国际电视台' },
    kind: 'media',
  },
  {
    abbreviation: 'BBC',
    name: { en: 'British Broadcasting Corporation', zh: '英国广播公司' },
    kind: 'media',
  },
  {
    name: { en: 'Bloomberg', zh: '彭博社' },
    kind: 'media',
  },
  {
    name: { en: 'LONGi', zh: '隆基绿能' },
    kind: 'company',
    aliases: ['LONGi Green Energy', '隆基'],
  },
]

// Every way of writing a known organisation, by nameKey (people.ts), so that looking one up is a
// map read however long the list grows.
const byKey = new Map<string, KnownOrganisation>()
for (const known of knownOrganisations)
  for (const written of [
    known.abbreviation,
    known.name.en,
    known.name.zh,
    ...(known.aliases ?? []),
  ])
    if (written && !byKey.has(nameKey(written))) byKey.set(nameKey(written), known)

export const findKnownOrganisation = (key: string): KnownOrganisation | undefined => byKey.get(key)

// Known Chinese names and aliases, longest first, for positions written without a separator
// (亚投行能源业务局首席专家).
export const knownChineseNames: { name: string; known: KnownOrganisation }[] = knownOrganisations
  .flatMap((known) =>
    [known.name.zh, ...(known.aliases ?? [])]
      .filter((name) => /\p{Script=Han}/u.test(name))
      .map((name) => ({ name, known })),
  )
  .sort((a, b) => b.name.length - a.name.length)
