import type { OrganisationKey } from './organisations'
import type { SpeakerKey } from './speakers'

type Localized = { en: string; zh: string }
type LocalizedParagraphs = { en: string[]; zh: string[] }

// The 2022 round table, retold from the forum's report: facts kept, wording our own, the
// report's slips corrected (the university's name, the doubled "2." in Zou Ji's list, "communication"
// where transport was meant).
export const roundTable2022 = {
  slug: 'green-industry-and-low-carbon-city-construction',
  title: {
    en: 'Green Industry and Low-Carbon City Construction',
    zh: '绿色产业与低碳城市建设',
  },
  kind: 'round-table',
  edition: 2022,
  // 14:00–17:30 in Beijing; the report only says "afternoon", so the times are indicative.
  startsAt: '2022-10-30T06:00:00.000Z',
  endsAt: '2022-10-30T09:30:00.000Z',
  timeZone: 'Asia/Shanghai',
  venue: { en: 'Beijing, China', zh: '中国北京' },
  host: 'clarenceSmith' as SpeakerKey,
  focus: {
    en: 'Policy and trends, cities and projects: how policy steers low-carbon growth, and how that plays out in individual cities and investments.',
    zh: '政策与趋势、城市与项目：政策如何引导低碳发展，以及这些政策如何落实到具体城市和投资项目中。',
  },
  topics: [
    {
      en: 'A green industrial system built on low carbon emissions',
      zh: '以低碳排放为特征的绿色产业体系',
    },
    {
      en: 'Emerging strategic industries and the construction of low-carbon cities',
      zh: '战略性新兴产业发展与低碳城市建设',
    },
    {
      en: 'Goals and strategies for building and developing green, low-carbon cities',
      zh: '绿色低碳城市建设与发展的目标和战略',
    },
  ] satisfies Localized[],
  summary: {
    en: "Chaired by UNIDO's Edward Clarence-Smith, the 2022 CIFCC round table asked how green industry and low-carbon cities can advance together. Speakers from the World Bank, UN-Habitat, the IFC, Schneider Electric and two Beijing universities covered carbon accounting and trading, urban and land-use policy, action along supply chains and technology cooperation.",
    zh: '2022年中国国际气候变化论坛圆桌会议由联合国工业发展组织代表 Edward Clarence-Smith 主持，探讨绿色产业与低碳城市如何协同发展。来自世界银行、联合国人类住区规划署、国际金融公司、施耐德电气以及两所北京高校的嘉宾围绕碳核算与碳交易、城市与土地利用政策、供应链行动和技术合作等议题发表了看法。',
  } satisfies Localized,
  body: {
    en: [
      "On the afternoon of 30 October 2022 the China International Forum on Climate Change held its round table on green industry and low-carbon city construction. Edward Clarence-Smith, UNIDO's representative in China and Northeast Asia, chaired the meeting.",
      'Under the theme of policy and trends, cities and projects, the discussion followed three lines: how to build a green industrial system with low carbon emissions, how emerging strategic industries relate to the construction of low-carbon cities, and which goals and strategies should guide green, low-carbon urban development. Guests from the European Union, UN-Habitat, the World Bank, the Chinese Academy of Social Sciences, the World Resources Institute and the International Finance Corporation took part.',
      'Speakers from international organisations, universities and business agreed that a city cannot cut its carbon without changing its industry. They discussed carbon accounting and trading, spatial and land-use policy, the way supply chains can spread low-carbon practice, and the technology cooperation needed for energy-hungry materials such as steel and cement.',
      'In the closing questions, Zou Ji named weak awareness, poor planning and practical hurdles — technology, approvals, finance and land — as the main obstacles facing Chinese cities, and argued that a clear concept and strategy must come before implementation.',
    ],
    zh: [
      '2022年10月30日下午，中国国际气候变化论坛举办“绿色产业与低碳城市建设”圆桌会议，会议由联合国工业发展组织驻中国及东北亚地区代表 Edward Clarence-Smith 主持。',
      '会议以“政策与趋势、城市与项目”为主题，围绕三个议题展开讨论：如何构建以低碳排放为特征的绿色产业体系，战略性新兴产业发展与低碳城市建设的关系，以及绿色低碳城市建设与发展应遵循的目标和战略。来自欧盟、联合国人类住区规划署、世界银行、中国社会科学院、世界资源研究所和国际金融公司的嘉宾出席了会议。',
      '来自国际组织、高校和企业的发言嘉宾一致认为，城市减碳离不开产业转型。讨论涉及碳核算与碳交易、空间与土地利用政策、供应链在推广低碳实践中的作用，以及钢铁、水泥等高耗能材料领域所需的技术合作。',
      '在问答环节，邹骥指出，认识不足、规划欠缺以及技术、审批、资金和土地等现实约束是中国城市面临的主要障碍，并强调必须先明确理念和战略，再加以落实。',
    ],
  } satisfies LocalizedParagraphs,
  statements: [
    {
      speaker: 'clarenceSmith',
      organisation: 'unido',
      position: {
        en: 'UNIDO Representative for China and Northeast Asia',
        zh: '联合国工业发展组织驻中国及东北亚地区代表',
      },
      statement: {
        en: [
          'Opening the meeting, Edward Clarence-Smith described industry as the concrete form that urban development takes. Building a low-carbon city, he argued, is a question of how the city develops rather than only of how it uses resources, and it cannot succeed unless the city’s industry becomes low-carbon as well.',
        ],
        zh: [
          'Edward Clarence-Smith 在开场时指出，产业实际上是城市发展的具体体现。他认为，低碳城市建设关乎城市如何发展，而不仅仅是资源如何利用；如果产业不实现低碳化，低碳城市也就无从谈起。',
        ],
      },
    },
    {
      speaker: 'zouJi',
      organisation: 'renmin',
      position: {
        en: 'Vice President, School of Environment and Natural Resources, Renmin University of China; China Country Director, World Resources Institute',
        zh: '中国人民大学环境学院副院长、世界资源研究所中国区主任',
      },
      statement: {
        en: [
          'Zou Ji observed that most Chinese cities still treat industry as the mainstay of their economy, with industrial output making up more than half of the total. Cities in developed countries finished industrialising long ago, whereas Chinese cities are still in the middle of it, so power generation, steel, cement, building materials, chemicals and petrochemicals, construction and transport remain their main sources of emissions.',
          'To respond to climate change and build low-carbon cities, he said, Chinese cities should concentrate on three tasks: carbon accounting and the infrastructure it depends on, cutting energy-related emissions, and a mechanism for carbon trading.',
        ],
        zh: [
          '邹骥指出，中国大多数城市仍把工业作为城市经济的主要支柱，工业产值占城市经济总量的一半以上。发达国家的城市早已完成工业化，而中国城市仍处于工业化进程之中，电力、钢铁、水泥、建材、化工、石化、建筑和交通仍是主要排放源。',
          '他认为，为应对气候变化、发展低碳城市，中国城市应着重做好三项工作：开展碳核算并建设相应的基础设施，推动能源领域减排，以及建立碳交易机制。',
        ],
      },
    },
    {
      speaker: 'brandon',
      organisation: 'worldBank',
      position: {
        en: 'Sustainable Development Director for China and Mongolia, World Bank',
        zh: '世界银行中国和蒙古可持续发展主任',
      },
      statement: {
        en: [
          'Carter J. Brandon put policy first among the drivers of low-carbon development. Because China is still less urbanised than developed countries, he said, the first policy question for low-carbon cities is how urban space will grow; policies on industrial energy efficiency, transport, buildings and waste treatment follow, and how intensively urban land is used also matters a great deal.',
        ],
        zh: [
          'Carter J. Brandon 强调，政策是推动低碳发展的首要因素。他指出，与发达国家相比，中国的城镇化水平仍然较低，发展低碳城市首先要考虑城市空间发展政策，其次是工业能效、交通、建筑和废弃物处理等方面的政策，城市土地的利用效率同样至关重要。',
        ],
      },
    },
    {
      speaker: 'zhangZhenshan',
      organisation: 'unHabitat',
      position: { en: 'Representative of UN-Habitat', zh: '联合国人类住区规划署代表' },
      statement: {
        en: [
          'Zhang Zhenshan noted that urbanisation means both more city dwellers and a larger built-up area: the urban population has grown by about 2% a year over the past three decades, a pace he expects to hold in the next few years. Cities produce some 75–80% of economic output but also use a great deal of energy and account for up to 80% of greenhouse-gas emissions, while transport and construction keep growing fast.',
          'He listed the problems that result — serious pollution, insecure water supplies, gaps in infrastructure, extreme weather and more frequent disasters, damaged ecosystems and threats to public health — and called for low-carbon thinking so that cities can develop sustainably.',
        ],
        zh: [
          '张振山指出，城镇化不仅意味着城市人口增加，也意味着建成区面积扩大。过去三十年，城市人口年均增长约2%，预计未来几年仍将保持这一速度。城市贡献了约75%至80%的经济产出，同时也消耗大量能源，温室气体排放占比高达80%，而交通和建筑仍在快速增长。',
          '他列举了由此带来的一系列问题：严重的环境污染、水资源安全、基础设施建设不足、极端天气和灾害增多、生态系统遭到破坏以及居民健康受到威胁，并呼吁倡导低碳理念，使城市实现可持续发展。',
        ],
      },
    },
    {
      speaker: 'cook',
      organisation: 'ifc',
      position: {
        en: 'Senior Investment Officer, International Finance Corporation',
        zh: '国际金融公司高级投资官',
      },
      statement: {
        en: [
          "Peter Cook argued that carbon markets need sound mechanisms and infrastructure before a working trading market can follow. The EU's market, now in its second phase, is relatively mature and has yielded useful lessons, but a weak European economy has shrunk trading volumes and the removal of incentives has made the market volatile, so Europe is refining its rules.",
          'He proposed a carbon "central bank" that buys and trades carbon through the market, and urged companies investing in new energy to work along the whole supply chain, with support from policy-makers. Makers of electric-vehicle batteries, for instance, should team up with carmakers, dealers and charging companies to cut CO2 emissions.',
        ],
        zh: [
          'Peter Cook 认为，碳市场首先需要健全的机制和基础设施，然后才能形成运转良好的交易市场。欧盟碳市场已进入第二阶段，相对成熟，积累了不少经验和教训；但受欧洲经济低迷影响，交易量不断萎缩，激励措施的退出也导致市场大幅波动，欧洲正在着力完善相关机制和政策。',
          '他建议设立碳“中央银行”，借助市场购买和交易碳排放权；投资新能源的企业应着眼于整个供应链，整合资源、调动各方参与，政策制定者也应给予支持。例如，为减少二氧化碳排放，电动汽车电池制造商应与整车企业、汽车经销商和充电企业建立合作伙伴关系。',
        ],
      },
    },
    {
      speaker: 'pasternak',
      organisation: 'schneider',
      position: {
        en: 'Carbon Strategy & Alliance Director, Schneider Electric',
        zh: '施耐德电气碳战略与联盟总监',
      },
      statement: {
        en: [
          "Jean Pasternak called for every carbon-emission policy to come with a way of measuring its effect, and stressed that private-sector action is key to understanding how well such policies work. Because supply chains magnify whatever happens within them, one company's efforts can create synergies upstream and downstream, which weighs heavily when investments are assessed.",
        ],
        zh: [
          'Jean Pasternak 建议为每一项碳排放政策建立评估办法，并强调私营部门的行动对于了解政策实效至关重要。由于供应链具有放大效应，一家企业的努力可以在上下游产业中产生协同效应，这在评估投资时具有重要意义。',
        ],
      },
    },
    {
      speaker: 'yaoJun',
      organisation: 'ustb',
      position: {
        en: 'Vice President, School of Civil and Environmental Engineering, University of Science and Technology Beijing',
        zh: '北京科技大学土木与环境工程学院副院长',
      },
      statement: {
        en: [
          'Yao Jun said that China is in a phase of rapid development, with strong demand for building materials such as steel and cement, and that steel is the most energy-intensive of them. Tackling carbon-dioxide emissions therefore requires China to build technological cooperation.',
        ],
        zh: [
          '姚军表示，中国正处于快速发展阶段，对钢铁、水泥等建筑材料需求旺盛，而钢铁产品的能耗最高。因此，中国需要开展技术合作，以解决二氧化碳排放问题。',
        ],
      },
    },
  ] satisfies {
    speaker: SpeakerKey
    organisation: OrganisationKey
    position: Localized
    statement: LocalizedParagraphs
  }[],
  questions: [
    {
      question: {
        en: 'What are the main barriers Chinese cities face in becoming low-carbon cities, and how can they be overcome?',
        zh: '中国城市在向低碳城市转型过程中面临的主要障碍是什么？如何克服这些障碍？',
      },
      answers: [
        {
          speaker: 'zouJi' as SpeakerKey,
          answer: {
            en: 'Zou Ji saw three kinds of barrier. The first is awareness: the low-carbon city is a new idea for government, business and academia alike, and without a clear concept cities may head in the wrong direction. The second is planning — whether plans are feasible, taken seriously and legally binding — since without sound plans action becomes uncoordinated. The third is practical: technology, project approval, finance and land. As cities, and the national economy, turn towards low-carbon development, the concept and strategy have to be made clear first and then carried out.',
            zh: '邹骥认为障碍主要有三类。一是意识和认识：低碳城市对政府、企业和学术界来说都是新事物，理念不明确就可能走错方向。二是规划问题，涉及规划的可行性、严肃性和法律效力，没有科学的规划，行动就会缺乏协调。三是技术、项目审批、资金和土地等现实挑战。城市乃至整个国民经济向低碳发展转型时，必须先明确理念和战略，再加以落实。',
          } satisfies Localized,
        },
      ],
    },
  ],
  attendingOrganisations: [
    'eu',
    'unHabitat',
    'worldBank',
    'cass',
    'wri',
    'ifc',
    'unido',
  ] satisfies OrganisationKey[],
} as const

// Stand-ins for the report's "Live pictures": each drawn scene is tied to the people it stands for.
// File names must not end in a number: Payload renames a taken "x-1.jpg" to "x-2.jpg", which would
// collide with the next photo's name, whereas "x.jpg" becomes "x-1.jpg", which the seed recognises.
export const meetingPhotos: {
  filename: string
  scene: { seats: number; speaking: number[]; closeUp: boolean }
  people: SpeakerKey[]
  takenAt: string
  alt: Localized
  caption: Localized
}[] = [
  {
    filename: 'cifcc-2022-round-table-opening.jpg',
    scene: { seats: 7, speaking: [0], closeUp: false },
    people: ['clarenceSmith'],
    takenAt: '2022-10-30T06:03:00.000Z',
    alt: {
      en: 'Illustration: Edward Clarence-Smith opening the round table from the end of a long panel table',
      zh: '示意图：Edward Clarence-Smith 在长桌一端宣布圆桌会议开始',
    },
    caption: {
      en: 'Edward Clarence-Smith of UNIDO opens the 2022 round table. (Generated demo image.)',
      zh: '联合国工业发展组织的 Edward Clarence-Smith 宣布2022年圆桌会议开始。（演示用生成图片）',
    },
  },
  {
    filename: 'cifcc-2022-round-table-panel.jpg',
    scene: { seats: 7, speaking: [], closeUp: false },
    people: ['clarenceSmith', 'zouJi', 'brandon', 'zhangZhenshan', 'cook', 'pasternak', 'yaoJun'],
    takenAt: '2022-10-30T06:10:00.000Z',
    alt: {
      en: 'Illustration: seven speakers seated along a long table in front of a blue and green backdrop',
      zh: '示意图：七位嘉宾坐在长桌旁，身后是蓝绿色背景板',
    },
    caption: {
      en: 'The seven speakers of the round table on green industry and low-carbon city construction. (Generated demo image.)',
      zh: '“绿色产业与低碳城市建设”圆桌会议的七位发言嘉宾。（演示用生成图片）',
    },
  },
  {
    filename: 'cifcc-2022-round-table-zou-ji.jpg',
    scene: { seats: 2, speaking: [0], closeUp: true },
    people: ['zouJi', 'brandon'],
    takenAt: '2022-10-30T06:25:00.000Z',
    alt: {
      en: 'Illustration: Zou Ji speaking at the panel table, with Carter J. Brandon beside him',
      zh: '示意图：邹骥在会议桌前发言，Carter J. Brandon 坐在一旁',
    },
    caption: {
      en: 'Zou Ji sets out three tasks for low-carbon cities: carbon accounting, emission cuts in energy and carbon trading. (Generated demo image.)',
      zh: '邹骥提出低碳城市建设的三项任务：碳核算、能源领域减排和碳交易。（演示用生成图片）',
    },
  },
  {
    filename: 'cifcc-2022-round-table-brandon-zhang.jpg',
    scene: { seats: 2, speaking: [1], closeUp: true },
    people: ['brandon', 'zhangZhenshan'],
    takenAt: '2022-10-30T06:50:00.000Z',
    alt: {
      en: 'Illustration: Zhang Zhenshan speaking, seated next to Carter J. Brandon',
      zh: '示意图：张振山发言，身旁是 Carter J. Brandon',
    },
    caption: {
      en: 'Zhang Zhenshan of UN-Habitat on the pressures that urbanisation puts on cities. (Generated demo image.)',
      zh: '联合国人类住区规划署的张振山谈城镇化给城市带来的压力。（演示用生成图片）',
    },
  },
  {
    filename: 'cifcc-2022-round-table-cook-pasternak.jpg',
    scene: { seats: 2, speaking: [0], closeUp: true },
    people: ['cook', 'pasternak'],
    takenAt: '2022-10-30T07:25:00.000Z',
    alt: {
      en: 'Illustration: Peter Cook speaking, with Jean Pasternak seated beside him',
      zh: '示意图：Peter Cook 发言，Jean Pasternak 坐在一旁',
    },
    caption: {
      en: 'Peter Cook of the IFC and Jean Pasternak of Schneider Electric on carbon markets and supply chains. (Generated demo image.)',
      zh: '国际金融公司的 Peter Cook 与施耐德电气的 Jean Pasternak 谈碳市场与供应链。（演示用生成图片）',
    },
  },
  {
    filename: 'cifcc-2022-round-table-yao-jun.jpg',
    scene: { seats: 3, speaking: [1], closeUp: false },
    people: ['yaoJun'],
    takenAt: '2022-10-30T08:00:00.000Z',
    alt: {
      en: 'Illustration: Yao Jun speaking in the middle of a three-person panel',
      zh: '示意图：姚军在三人会议桌中间发言',
    },
    caption: {
      en: 'Yao Jun of the University of Science and Technology Beijing on steel, cement and technology cooperation. (Generated demo image.)',
      zh: '北京科技大学的姚军谈钢铁、水泥与技术合作。（演示用生成图片）',
    },
  },
]

export const photoCredit = 'CIFCC demo content (generated image)'
