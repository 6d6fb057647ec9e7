export default definePageConfig({ navigationBarTitleText: '超过14天未确认' })
