// The 2022 forum as far as the demo's facts go: its year, its city and the day of its round
// table. Its theme, venue and partners are not in the report the demo is retold from, so they are
// left for staff rather than invented.
export const edition2022 = {
  year: 2022,
  startsOn: '2022-10-30T00:00:00.000Z',
  endsOn: '2022-10-30T00:00:00.000Z',
  city: { en: 'Beijing', zh: '北京' },
  summary: {
    en: 'The 2022 forum met in Beijing. On 30 October its round table brought speakers from UNIDO, the World Bank, UN-Habitat, the IFC, Schneider Electric and two Beijing universities together to discuss how green industry and low-carbon cities can advance side by side.',
    zh: '2022年论坛在北京举行。10月30日的圆桌会议邀请了来自联合国工业发展组织、世界银行、联合国人类住区规划署、国际金融公司、施耐德电气以及两所北京高校的嘉宾，共同探讨绿色产业与低碳城市如何协同发展。',
  },
} as const
