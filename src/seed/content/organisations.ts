import type { Organisation } from '@/payload-types'

export type OrganisationKey =
  | 'unido'
  | 'unHabitat'
  | 'unfccc'
  | 'eu'
  | 'worldBank'
  | 'ifc'
  | 'cass'
  | 'wri'
  | 'renmin'
  | 'ustb'
  | 'schneider'

type Localized = { en: string; zh: string }

export type OrganisationSeed = {
  key: OrganisationKey
  name: Localized
  abbreviation?: string
  kind: Organisation['kind']
  // Left out for international bodies, as the field's help text asks.
  country?: Localized
  website: string
  description: { en: string[]; zh: string[] }
}

// Facts are limited to what any reader would find on the organisations' own sites; the forum
// page only names them.
export const organisations: OrganisationSeed[] = [
  {
    key: 'unido',
    name: { en: 'United Nations Industrial Development Organization', zh: '联合国工业发展组织' },
    abbreviation: 'UNIDO',
    kind: 'un-agency',
    website: 'https://www.unido.org',
    description: {
      en: [
        'UNIDO is the specialised agency of the United Nations that promotes inclusive and sustainable industrial development. It works with governments and industry on cleaner production, energy efficiency and industrial policy, and has a representative for China and Northeast Asia based in Beijing.',
      ],
      zh: [
        '联合国工业发展组织是联合国负责促进包容与可持续工业发展的专门机构，与各国政府和产业界在清洁生产、能效和产业政策等领域开展合作，并在北京设有负责中国及东北亚地区事务的代表。',
      ],
    },
  },
  {
    key: 'unHabitat',
    name: { en: 'United Nations Human Settlements Programme', zh: '联合国人类住区规划署' },
    abbreviation: 'UN-Habitat',
    kind: 'un-agency',
    website: 'https://unhabitat.org',
    description: {
      en: [
        'UN-Habitat is the United Nations programme for towns and cities. It advises governments on urban planning, housing and basic services, and helps cities become more sustainable and better prepared for the effects of climate change.',
      ],
      zh: [
        '联合国人类住区规划署是联合国负责城镇与城市事务的机构，在城市规划、住房和基本公共服务方面为各国政府提供咨询，帮助城市实现可持续发展并更好地应对气候变化的影响。',
      ],
    },
  },
  {
    key: 'unfccc',
    name: {
      en: 'United Nations Framework Convention on Climate Change',
      zh: '联合国气候变化框架公约',
    },
    abbreviation: 'UNFCCC',
    kind: 'un-agency',
    website: 'https://unfccc.int',
    description: {
      en: [
        'The UNFCCC is the international treaty, adopted in 1992, under which countries negotiate their joint response to climate change; the Kyoto Protocol and the Paris Agreement were agreed within it. Its secretariat supports the yearly climate conferences and the expert bodies that work between them.',
      ],
      zh: [
        '《联合国气候变化框架公约》是1992年通过的国际条约，各国在其框架下就共同应对气候变化进行谈判，《京都议定书》和《巴黎协定》均在此框架内达成。公约秘书处为每年的气候大会及其下设专家机构的工作提供支持。',
      ],
    },
  },
  {
    key: 'eu',
    name: { en: 'European Union', zh: '欧盟' },
    abbreviation: 'EU',
    kind: 'intergovernmental',
    website: 'https://european-union.europa.eu',
    description: {
      en: [
        'The European Union is a political and economic union of European member states. It runs one of the earliest and largest carbon markets, the EU Emissions Trading System, and is an active partner in international climate cooperation.',
      ],
      zh: [
        '欧盟是由欧洲成员国组成的政治和经济联盟，运营着全球最早、规模最大的碳市场之一——欧盟碳排放交易体系，并积极参与国际气候合作。',
      ],
    },
  },
  {
    key: 'worldBank',
    name: { en: 'World Bank', zh: '世界银行' },
    abbreviation: 'WB',
    kind: 'multilateral-bank',
    website: 'https://www.worldbank.org',
    description: {
      en: [
        'The World Bank is an international financial institution that lends to and advises developing and middle-income countries. In China its work has included urban development, energy efficiency, pollution control and climate policy.',
      ],
      zh: [
        '世界银行是向发展中国家和中等收入国家提供贷款和咨询的国际金融机构，在中国的工作涉及城市发展、能效提升、污染治理和气候政策等领域。',
      ],
    },
  },
  {
    key: 'ifc',
    name: { en: 'International Finance Corporation', zh: '国际金融公司' },
    abbreviation: 'IFC',
    kind: 'multilateral-bank',
    website: 'https://www.ifc.org',
    description: {
      en: [
        'The International Finance Corporation, part of the World Bank Group, invests in and advises private companies in developing countries. Renewable energy, energy efficiency and climate-related finance are among its areas of work.',
      ],
      zh: [
        '国际金融公司是世界银行集团成员，为发展中国家的私营企业提供投资和咨询服务，业务领域包括可再生能源、能效和气候相关金融。',
      ],
    },
  },
  {
    key: 'cass',
    name: { en: 'Chinese Academy of Social Sciences', zh: '中国社会科学院' },
    abbreviation: 'CASS',
    kind: 'academic',
    country: { en: 'China', zh: '中国' },
    website: 'https://www.cass.cn',
    description: {
      en: [
        "The Chinese Academy of Social Sciences, in Beijing, is China's national academy for philosophy and the social sciences. Its institutes study economics, urban development and environmental policy, among many other subjects.",
      ],
      zh: [
        '中国社会科学院位于北京，是中国哲学社会科学研究的国家级学术机构，下属研究所的研究领域涵盖经济、城市发展和环境政策等众多学科。',
      ],
    },
  },
  {
    key: 'wri',
    name: { en: 'World Resources Institute', zh: '世界资源研究所' },
    abbreviation: 'WRI',
    kind: 'ngo',
    country: { en: 'United States', zh: '美国' },
    website: 'https://www.wri.org',
    description: {
      en: [
        'The World Resources Institute is a global research organisation working on climate, energy, cities, food, forests and water. Its China programme studies low-carbon development and sustainable cities.',
      ],
      zh: [
        '世界资源研究所是一家全球性研究机构，关注气候、能源、城市、粮食、森林和水资源等议题，其中国项目致力于低碳发展和可持续城市研究。',
      ],
    },
  },
  {
    key: 'renmin',
    name: { en: 'Renmin University of China', zh: '中国人民大学' },
    abbreviation: 'RUC',
    kind: 'academic',
    country: { en: 'China', zh: '中国' },
    website: 'https://www.ruc.edu.cn',
    description: {
      en: [
        'Renmin University of China is a national university in Beijing known above all for the humanities and social sciences. Its School of Environment and Natural Resources teaches and researches environmental economics, policy and management.',
      ],
      zh: [
        '中国人民大学是位于北京的全国重点大学，以人文社会科学见长。其环境学院从事环境经济、环境政策与管理等方面的教学和研究。',
      ],
    },
  },
  {
    key: 'ustb',
    name: { en: 'University of Science and Technology Beijing', zh: '北京科技大学' },
    abbreviation: 'USTB',
    kind: 'academic',
    country: { en: 'China', zh: '中国' },
    website: 'https://www.ustb.edu.cn',
    description: {
      en: [
        'The University of Science and Technology Beijing is a national research university with particular strengths in metallurgy, materials and engineering, fields closely tied to the energy use of heavy industry.',
      ],
      zh: [
        '北京科技大学是一所全国重点研究型大学，在冶金、材料和工程等学科方面具有突出优势，这些领域与重工业的能源消耗密切相关。',
      ],
    },
  },
  {
    key: 'schneider',
    name: { en: 'Schneider Electric', zh: '施耐德电气' },
    kind: 'company',
    country: { en: 'France', zh: '法国' },
    website: 'https://www.se.com',
    description: {
      en: [
        'Schneider Electric is a French multinational company specialising in energy management and industrial automation. Its products and services help buildings, industry and infrastructure use energy more efficiently.',
      ],
      zh: [
        '施耐德电气是一家法国跨国企业，专注于能源管理和工业自动化，其产品和服务帮助建筑、工业和基础设施更高效地利用能源。',
      ],
    },
  },
]
