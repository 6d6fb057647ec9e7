/**
 * Stable error codes for programs, each with the Chinese sentence people see by default.
 * Every error body is `{ code, message }`; a route may give a more specific message.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL_ERROR: '系统出错了，请稍后重试',
  PERSONA_NOT_FOUND: '没有这个演示账号',
  SIGN_IN_FAILED: '用户名或密码不正确；连续输错5次将锁定15分钟',
  INVITATION_INVALID: '邀请码无效、已被使用、已撤销或已过期，请向邀请人索取新的邀请码',
  INVITATION_OUT_OF_SCOPE: '只能邀请本辖区内的人员担任您可以授予的角色',
  USERNAME_TAKEN: '这个用户名已被使用，请换一个',
  CREDENTIALS_REQUIRED: '首次使用请填写姓名、用户名和密码',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重新登录',
  WECHAT_RATE_LIMITED: '微信登录太频繁，请一分钟后再试',
  WECHAT_USER_RISKY: '微信判定该账号存在风险，暂时无法登录',
  WECHAT_BUSY: '微信服务繁忙，请稍后重试',
  WECHAT_ERROR: '微信服务出错，请稍后重试',
  VOLUNTEER_PROFILE_MISSING: '您还没有报名成为爱心家长',
  VOLUNTEER_INCOMPLETE: '报名信息还没有填写完整，请补充标出的内容',
  VOLUNTEER_NOT_EDITABLE: '当前状态下不能修改报名信息',
  VOLUNTEER_STATUS_CONFLICT: '报名状态已经变化，请刷新后再试',
  VOLUNTEER_NOT_PAIRABLE: '只有通过审核的爱心家长才能结对',
  ID_NUMBER_TAKEN: '该身份证号已经报过名。如有疑问，请联系当地妇联',
  VETTING_CHECKS_INCOMPLETE: '批准前须完成当面身份核验、入职查询（无违法犯罪记录）和岗前培训',
  TEAM_CODE_INVALID: '团队加入码不正确，请向队长核对',
  TEAM_ALREADY_JOINED: '您已加入另一个志愿团队',
  TEAM_ALREADY_LED: '您已在该地区负责一个志愿团队',
  CHILD_ALREADY_REGISTERED: '该儿童已经建档。如儿童已迁入本村，请用身份证号发起档案转移申请，由原村儿童主任确认后档案随之转入',
  CHILD_CLOSED: '该档案已结案，不能再修改',
  ARCHIVED_YEAR: '该年度档案已移交乡镇，不能再修改',
  TRANSFER_PENDING: '该儿童已有一份待处理的转移申请，请等待原村儿童主任处理',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[]
