// The join code can be shared again from here (onShareAppMessage).
export default definePageConfig({ navigationBarTitleText: '我的志愿团队', enableShareAppMessage: true })
