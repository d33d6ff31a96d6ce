type Localized = { en: string; zh: string }

export type PageSeed = {
  slug: string
  // The slug of the section page this one sits under.
  parent?: string
  navOrder: number
  title: Localized
  summary: Localized
  body: { en: string[]; zh: string[] }
  // Shows the contact form under the text.
  hasContactForm?: boolean
}

// Parents come before their children, so a child's parent already exists when it is created.
// Bodies stay general: dates, addresses and telephone numbers change with every forum and are
// left for the editors.
export const pages: PageSeed[] = [
  {
    slug: 'about',
    navOrder: 10,
    title: { en: 'About the forum', zh: '关于论坛' },
    summary: {
      en: 'What the China International Forum on Climate Change is, why it meets and how it is organised.',
      zh: '介绍中国国际气候变化论坛的基本情况、举办意义和组织方式。',
    },
    body: {
      en: [
        'The China International Forum on Climate Change (CIFCC) has brought together government officials, international organisations, researchers and companies since 2011 to discuss how China and its partners can respond to climate change.',
        'Each edition combines plenary sessions with round tables on particular questions, such as green industry, low-carbon cities and climate finance.',
      ],
      zh: [
        '中国国际气候变化论坛自2011年起举办，汇聚政府官员、国际组织、研究人员和企业代表，共同探讨中国及其合作伙伴应对气候变化的路径。',
        '每届论坛既有全体大会，也有围绕绿色产业、低碳城市、气候融资等具体议题的圆桌会议。',
      ],
    },
  },
  {
    slug: 'significance',
    parent: 'about',
    navOrder: 10,
    title: { en: 'Significance', zh: '论坛意义' },
    summary: {
      en: 'Why a standing dialogue on climate change matters for China and its international partners.',
      zh: '为什么中国与国际伙伴需要一个长期的气候变化对话平台。',
    },
    body: {
      en: [
        'Climate change cannot be tackled by one country or one sector alone. The forum offers a regular place where policy-makers, experts and business can compare experience, test ideas and build the partnerships that low-carbon development needs.',
      ],
      zh: [
        '应对气候变化无法依靠单个国家或单一行业完成。论坛为政策制定者、专家和企业提供了一个定期交流的平台，便于分享经验、检验思路，并建立低碳发展所需的合作伙伴关系。',
      ],
    },
  },
  {
    slug: 'content',
    parent: 'about',
    navOrder: 20,
    title: { en: 'Content', zh: '论坛内容' },
    summary: {
      en: 'The themes the forum covers, from climate policy to green industry and low-carbon cities.',
      zh: '论坛关注的主题，涵盖气候政策、绿色产业和低碳城市等领域。',
    },
    body: {
      en: [
        'Sessions cover climate policy and international negotiations, green and low-carbon industry, sustainable cities, energy efficiency, carbon markets and climate finance. Reports on past meetings are published under Meetings.',
      ],
      zh: [
        '论坛议题包括气候政策与国际谈判、绿色低碳产业、可持续城市、能效提升、碳市场和气候融资等。往届会议报道可在“会议”栏目查阅。',
      ],
    },
  },
  {
    slug: 'framework',
    parent: 'about',
    navOrder: 30,
    title: { en: 'Framework', zh: '论坛框架' },
    summary: {
      en: 'How a forum edition is structured: plenary sessions, round tables and side events.',
      zh: '每届论坛的结构：全体大会、圆桌会议和边会。',
    },
    body: {
      en: [
        'A forum edition usually opens with a plenary session, continues with round tables and forum sessions on specific topics, and is accompanied by side events and press briefings. The programme of each edition is published before it takes place.',
      ],
      zh: [
        '每届论坛通常以全体大会开幕，随后举行围绕具体议题的圆桌会议和分论坛，同时配套举办边会和新闻发布活动。每届论坛的具体日程将在会前公布。',
      ],
    },
  },
  {
    slug: 'services',
    navOrder: 20,
    title: { en: 'Services', zh: '会务服务' },
    summary: {
      en: 'Practical information for participants: organisers, hotels, visas and getting there.',
      zh: '为参会者提供的实用信息：服务单位、酒店、签证和交通。',
    },
    body: {
      en: [
        'These pages gather the practical information participants need. Details change from one forum to the next and are published before each edition.',
      ],
      zh: ['这里汇集参会者所需的实用信息。具体安排每届有所不同，将在每届论坛召开前公布。'],
    },
  },
  {
    slug: 'service-unit',
    parent: 'services',
    navOrder: 10,
    title: { en: 'Service Unit', zh: '服务单位' },
    summary: {
      en: 'The organisations that organise and support the forum.',
      zh: '负责论坛组织和支持工作的单位。',
    },
    body: {
      en: [
        'The forum is prepared by its organisers together with partner organisations that look after registration, logistics and communication. The units serving each edition are listed before it opens.',
      ],
      zh: [
        '论坛由主办方会同合作单位共同筹备，合作单位负责报名注册、会务后勤和宣传联络等工作。每届论坛的服务单位将在会前公布。',
      ],
    },
  },
  {
    slug: 'hotel',
    parent: 'services',
    navOrder: 20,
    title: { en: 'Hotel', zh: '酒店住宿' },
    summary: {
      en: 'Accommodation for forum participants.',
      zh: '论坛参会者的住宿安排。',
    },
    body: {
      en: [
        'Participants are offered rooms at partner hotels near the venue. Hotel names, rates and booking instructions are sent with the confirmation of registration and published here before each forum.',
      ],
      zh: [
        '论坛为参会者在会场附近的协议酒店预留客房。酒店名称、价格和预订方式将随报名确认函发送，并在每届论坛召开前在此公布。',
      ],
    },
  },
  {
    slug: 'visa',
    parent: 'services',
    navOrder: 30,
    title: { en: 'Visa', zh: '签证' },
    summary: {
      en: 'How international participants can obtain a visa for China.',
      zh: '境外参会者办理来华签证的说明。',
    },
    body: {
      en: [
        'Most international participants need a visa to enter China. On request, the organisers issue a letter of invitation to registered participants; apply at the Chinese embassy or consulate responsible for your place of residence well before travelling.',
      ],
      zh: [
        '大多数境外参会者入境中国需要办理签证。已注册的参会者可向主办方申请邀请函，并请尽早向所在地的中国驻外使领馆提交签证申请。',
      ],
    },
  },
  {
    slug: 'traffic',
    parent: 'services',
    navOrder: 40,
    title: { en: 'Traffic', zh: '交通' },
    summary: {
      en: 'Getting to the forum by air, rail and public transport.',
      zh: '乘坐飞机、火车和公共交通前往论坛的信息。',
    },
    body: {
      en: [
        'Beijing is served by two international airports and a dense network of high-speed rail, metro and bus lines. Directions to the venue and any shuttle services are published before each forum.',
      ],
      zh: [
        '北京拥有两座国际机场，以及发达的高铁、地铁和公交网络。前往会场的路线及接驳服务信息将在每届论坛召开前公布。',
      ],
    },
  },
  {
    slug: 'laws-and-regulations',
    navOrder: 30,
    title: { en: 'Laws & Regulations', zh: '法律法规' },
    summary: {
      en: 'Climate-related laws, policies and international agreements referred to at the forum.',
      zh: '论坛涉及的气候相关法律、政策和国际协定。',
    },
    body: {
      en: [
        "This page points to the main legal and policy texts behind the forum's discussions, including the United Nations Framework Convention on Climate Change, the Paris Agreement and China's national climate policies.",
      ],
      zh: [
        '本页列出论坛讨论所依据的主要法律和政策文件，包括《联合国气候变化框架公约》、《巴黎协定》以及中国应对气候变化的国家政策。',
      ],
    },
  },
  {
    slug: 'site-map',
    navOrder: 40,
    title: { en: 'Site Map', zh: '网站地图' },
    summary: {
      en: 'An overview of every section of this website.',
      zh: '本网站各栏目一览。',
    },
    body: {
      en: [
        'The website is organised into meetings, speakers, organisations and photos, together with pages about the forum and practical services for participants.',
      ],
      zh: [
        '本网站包括会议、嘉宾、机构和图片等栏目，以及关于论坛的介绍和面向参会者的会务服务页面。',
      ],
    },
  },
  {
    slug: 'contact-us',
    navOrder: 50,
    hasContactForm: true,
    title: { en: 'Contact Us', zh: '联系我们' },
    summary: {
      en: 'How to reach the forum secretariat.',
      zh: '论坛秘书处的联系方式。',
    },
    body: {
      en: [
        'Questions about registration, the programme or media accreditation can be sent to the forum secretariat by email. Telephone numbers and the office address for each edition are published before the forum.',
      ],
      zh: [
        '有关报名注册、会议日程或媒体采访的问题，请通过电子邮件联系论坛秘书处。每届论坛的联系电话和办公地址将在会前公布。',
      ],
    },
  },
]
