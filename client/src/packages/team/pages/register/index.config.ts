// The result screen shares the join link to the team's WeChat group (onShareAppMessage).
export default definePageConfig({ navigationBarTitleText: '注册志愿服务队', enableShareAppMessage: true })
