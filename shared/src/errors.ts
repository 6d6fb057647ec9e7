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
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[]
