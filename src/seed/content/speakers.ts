import type { OrganisationKey } from './organisations'

type Localized = { en: string; zh: string }

export type SpeakerKey =
  'clarenceSmith' | 'zouJi' | 'brandon' | 'zhangZhenshan' | 'cook' | 'pasternak' | 'yaoJun'

export type SpeakerSeed = {
  key: SpeakerKey
  slug: string
  // Only where the forum's report gives one ("Mr. Clarence"); the others are left blank rather
  // than guessed.
  honorific?: Localized
  name: Localized
  positions: { title: Localized; organisation: OrganisationKey }[]
  bio: { en: string[]; zh: string[] }
}

// Positions as the 2022 round-table report gives them. Western names keep their Latin spelling in
// Chinese, as is usual in Chinese reports of international meetings.
export const speakers: SpeakerSeed[] = [
  {
    key: 'clarenceSmith',
    slug: 'edward-clarence-smith',
    honorific: { en: 'Mr', zh: '先生' },
    name: { en: 'Edward Clarence-Smith', zh: 'Edward Clarence-Smith' },
    positions: [
      {
        title: {
          en: 'Representative in China and Northeast Asia',
          zh: '驻中国及东北亚地区代表',
        },
        organisation: 'unido',
      },
    ],
    bio: {
      en: [
        'Edward Clarence-Smith represents the United Nations Industrial Development Organization (UNIDO) in China and Northeast Asia. He chaired the 2022 CIFCC round table on green industry and low-carbon city construction.',
      ],
      zh: [
        'Edward Clarence-Smith 是联合国工业发展组织驻中国及东北亚地区代表，主持了2022年中国国际气候变化论坛“绿色产业与低碳城市建设”圆桌会议。',
      ],
    },
  },
  {
    key: 'zouJi',
    slug: 'zou-ji',
    name: { en: 'Zou Ji', zh: '邹骥' },
    positions: [
      {
        title: {
          en: 'Vice President, School of Environment and Natural Resources',
          zh: '环境学院副院长',
        },
        organisation: 'renmin',
      },
      { title: { en: 'China Country Director', zh: '中国区主任' }, organisation: 'wri' },
      {
        title: {
          en: 'Chinese delegate to the UN climate change negotiations',
          zh: '联合国气候变化谈判中国代表团成员',
        },
        organisation: 'unfccc',
      },
      {
        title: {
          en: 'Member, Expert Group on Technology Transfer (EGTT)',
          zh: '技术转让专家组（EGTT）成员',
        },
        organisation: 'unfccc',
      },
    ],
    bio: {
      en: [
        "Zou Ji is vice president of the School of Environment and Natural Resources at Renmin University of China and the World Resources Institute's country director for China.",
        "He is a member of China's delegation to the UN climate change negotiations and sits on the Expert Group on Technology Transfer under the UNFCCC.",
      ],
      zh: [
        '邹骥现任中国人民大学环境学院副院长、世界资源研究所中国区主任。',
        '他是联合国气候变化谈判中国代表团成员，并担任《联合国气候变化框架公约》下技术转让专家组成员。',
      ],
    },
  },
  {
    key: 'brandon',
    slug: 'carter-j-brandon',
    name: { en: 'Carter J. Brandon', zh: 'Carter J. Brandon' },
    positions: [
      {
        title: {
          en: 'Sustainable Development Director for China and Mongolia',
          zh: '中国和蒙古可持续发展主任',
        },
        organisation: 'worldBank',
      },
    ],
    bio: {
      en: [
        "Carter J. Brandon directs the World Bank's sustainable development work for China and Mongolia.",
      ],
      zh: ['Carter J. Brandon 负责世界银行在中国和蒙古的可持续发展工作。'],
    },
  },
  {
    key: 'zhangZhenshan',
    slug: 'zhang-zhenshan',
    name: { en: 'Zhang Zhenshan', zh: '张振山' },
    positions: [{ title: { en: 'Representative', zh: '代表' }, organisation: 'unHabitat' }],
    bio: {
      en: [
        'Zhang Zhenshan spoke at the 2022 CIFCC round table as a representative of UN-Habitat, the United Nations Human Settlements Programme.',
      ],
      zh: ['张振山作为联合国人类住区规划署代表出席2022年中国国际气候变化论坛圆桌会议并发言。'],
    },
  },
  {
    key: 'cook',
    slug: 'peter-cook',
    name: { en: 'Peter Cook', zh: 'Peter Cook' },
    positions: [
      { title: { en: 'Senior Investment Officer', zh: '高级投资官' }, organisation: 'ifc' },
    ],
    bio: {
      en: [
        'Peter Cook is a senior investment officer at the International Finance Corporation, the private-sector arm of the World Bank Group.',
      ],
      zh: ['Peter Cook 是世界银行集团私营部门机构——国际金融公司的高级投资官。'],
    },
  },
  {
    key: 'pasternak',
    slug: 'jean-pasternak',
    name: { en: 'Jean Pasternak', zh: 'Jean Pasternak' },
    positions: [
      {
        title: { en: 'Carbon Strategy & Alliance Director', zh: '碳战略与联盟总监' },
        organisation: 'schneider',
      },
    ],
    bio: {
      en: ['Jean Pasternak is carbon strategy and alliance director at Schneider Electric.'],
      zh: ['Jean Pasternak 现任施耐德电气碳战略与联盟总监。'],
    },
  },
  {
    key: 'yaoJun',
    slug: 'yao-jun',
    name: { en: 'Yao Jun', zh: '姚军' },
    positions: [
      {
        title: {
          en: 'Vice President, School of Civil and Environmental Engineering',
          zh: '土木与环境工程学院副院长',
        },
        organisation: 'ustb',
      },
    ],
    bio: {
      en: [
        'Yao Jun is vice president of the School of Civil and Environmental Engineering at the University of Science and Technology Beijing.',
      ],
      zh: ['姚军现任北京科技大学土木与环境工程学院副院长。'],
    },
  },
]
