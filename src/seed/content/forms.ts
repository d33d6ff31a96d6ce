// The contact form of the "Contact Us" page. Messages go to the secretariat's inbox once an
// editor adds an e-mail under the form's "Emails" in the admin; until then they are kept as
// submissions only.
export const contactForm = {
  title: { en: 'Contact the secretariat', zh: '联系秘书处' },
  submitButtonLabel: { en: 'Send message', zh: '发送留言' },
  confirmation: {
    en: ['Thank you. Your message has reached the forum secretariat, which replies by e-mail.'],
    zh: ['谢谢。您的留言已送达论坛秘书处，秘书处将通过电子邮件回复。'],
  },
  fields: [
    {
      blockType: 'text',
      name: 'name',
      label: { en: 'Your name', zh: '您的姓名' },
      required: true,
      width: 50,
    },
    {
      blockType: 'email',
      name: 'email',
      label: { en: 'E-mail address', zh: '电子邮箱' },
      required: true,
      width: 50,
    },
    {
      blockType: 'text',
      name: 'organisation',
      label: { en: 'Organisation', zh: '单位' },
      required: false,
      width: 100,
    },
    {
      blockType: 'select',
      name: 'topic',
      label: { en: 'Subject', zh: '事由' },
      required: true,
      width: 100,
      options: [
        { value: 'registration', label: { en: 'Registration', zh: '报名注册' } },
        { value: 'programme', label: { en: 'Programme and speakers', zh: '会议日程与嘉宾' } },
        { value: 'media', label: { en: 'Media accreditation', zh: '媒体采访' } },
        { value: 'travel', label: { en: 'Hotel, visa and travel', zh: '住宿、签证与交通' } },
        { value: 'other', label: { en: 'Something else', zh: '其他' } },
      ],
    },
    {
      blockType: 'textarea',
      name: 'message',
      label: { en: 'Message', zh: '留言内容' },
      required: true,
      width: 100,
    },
  ],
} as const
