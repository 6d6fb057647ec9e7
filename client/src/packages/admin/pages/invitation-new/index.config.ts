// The result screen shares the invitation link to a WeChat chat (onShareAppMessage).
export default definePageConfig({ navigationBarTitleText: '新建邀请', enableShareAppMessage: true })
