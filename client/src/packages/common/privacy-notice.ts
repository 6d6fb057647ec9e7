/**
 * Summary of the 用户隐私保护指引. Kept in the subpackage so the text does not weigh on the main
 * package. Must match what the mini-program declares in the WeChat admin console (隐私保护指引).
 */
export interface NoticeSection {
  title: string
  paragraphs: readonly string[]
}

export const PRIVACY_NOTICE: readonly NoticeSection[] = [
  {
    title: '我们收集哪些信息',
    paragraphs: [
      '志愿者：微信账号标识、手机号、姓名、身份证号、所在地区、技能和可服务时间。',
      '工作人员：姓名、所在单位、工作电话和负责的地区。',
      '儿童档案：由儿童主任在取得监护人同意后录入，包括儿童和家庭的基本情况、监护情况、探访和帮扶记录。',
      '位置：只在您选择所在乡镇时使用模糊位置，您可以拒绝并手动选择。',
    ],
  },
  {
    title: '为什么收集',
    paragraphs: [
      '核验志愿者身份，并依法进行入职查询，保护与儿童接触的安全。',
      '为儿童匹配合适的爱心家长，记录探访和服务，统计志愿时长和积分（平台记录）。',
      '发现儿童受到伤害或处于危险时，及时报告和处置。',
    ],
  },
  {
    title: '谁能看到',
    paragraphs: [
      '按角色和地区只给必要的人看必要的信息：爱心家长只能看到结对儿童的年龄、年级、兴趣和需要的帮助，看不到身份证号和家庭住址；志愿团队负责人看不到儿童信息和成员身份证号。',
      '妇联、儿童主任、督导员和民政工作人员只能看到本辖区的信息；每一次查看儿童完整档案都会被记录，可供审计。',
      '我们不会出售您的信息，也不会在宣传中公开儿童信息。',
    ],
  },
  {
    title: '儿童信息的特别保护',
    paragraphs: [
      '不满十四周岁儿童的个人信息属于敏感个人信息，须取得监护人同意，只收集必需的内容。',
      '身份证号、监护人电话和家庭住址加密保存，默认只显示后4位；查看完整内容需要单独操作并留下记录。',
    ],
  },
  {
    title: '您的权利',
    paragraphs: ['您可以查阅、更正自己的信息，也可以申请注销账号；注销后，依法需要保留的服务记录会继续保存。'],
  },
  {
    title: '联系我们',
    paragraphs: ['如对本指引或您的信息有疑问、投诉，请联系您所在县（市、区）妇联或民政部门的牵手童行项目负责人。'],
  },
]
