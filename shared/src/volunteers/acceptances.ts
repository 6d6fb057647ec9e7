/**
 * The three texts a volunteer accepts when signing up. Each acceptance is stored with the version
 * shown and the time (table volunteer_acceptances), so what a person agreed to can be proved later.
 * Change a text → bump its version: the client must show the new text, and a sign-up that names
 * an old version is refused, so nobody "accepts" words they never saw.
 */
export const ACCEPTANCE_DOCUMENTS = ['privacy', 'pledge', 'criminal_record'] as const
export type AcceptanceDocument = (typeof ACCEPTANCE_DOCUMENTS)[number]

/** The privacy version is the one of the mini-program's 用户隐私保护指引 (client/src/hooks/use-privacy-consent.ts). */
export const ACCEPTANCE_VERSIONS: Record<AcceptanceDocument, string> = {
  privacy: '2025-01',
  pledge: '2026-11',
  criminal_record: '2026-11',
}

export interface AcceptanceText {
  title: string
  paragraphs: readonly string[]
  /** What the button or checkbox says. */
  agree: string
}

export const ACCEPTANCE_TEXTS: Record<AcceptanceDocument, AcceptanceText> = {
  privacy: {
    title: '个人信息使用说明',
    paragraphs: [
      '报名成为爱心家长，需要提供您的真实姓名、手机号、身份证号、服务地区、技能和可服务时间，用于核实身份、依法进行入职查询和为儿童匹配合适的爱心家长。',
      '身份证号和手机号加密保存，负责审核的妇联工作人员默认只能看到后4位；志愿团队负责人看不到您的身份证号和手机号。',
      '详细内容见《牵手童行用户隐私保护指引》。您可以随时查阅、更正自己的信息，或申请退出。',
    ],
    agree: '我已阅读并同意《牵手童行用户隐私保护指引》',
  },
  pledge: {
    title: '牵手童行爱心家长承诺书',
    paragraphs: [
      '一、我自愿参加牵手童行关爱活动，不收取任何报酬，也不向儿童及其家庭索取或收受财物。',
      '二、我尊重每一名儿童，不打骂、不体罚、不歧视、不伤害儿童；不单独带儿童外出过夜，探访时告知监护人或儿童主任。',
      '三、我保护儿童隐私，不在朋友圈、网络或宣传中公开儿童的姓名、照片、住址和家庭情况。',
      '四、发现儿童受到或疑似受到伤害、处于危险时，我立即拨打110或向民政、妇联、儿童主任报告（强制报告）。',
      '五、我按约定定期联系和探访结对儿童，如实记录每次服务；不能继续时提前告知妇联，妥善告别。',
    ],
    agree: '我已阅读并承诺遵守以上内容',
  },
  criminal_record: {
    title: '无违法犯罪记录声明及入职查询授权书',
    paragraphs: [
      '本人郑重声明：本人没有性侵害、虐待、拐卖、暴力伤害等违法犯罪记录。',
      '本人同意项目组织单位依照《中华人民共和国未成年人保护法》第六十二条，向公安机关、人民检察院查询本人是否具有上述违法犯罪记录（入职查询）。查询结果仅用于志愿者审核，不作他用。',
      '如声明不实，本人愿意承担相应责任并退出项目。',
    ],
    agree: '我声明以上内容属实，并同意进行入职查询',
  },
}
