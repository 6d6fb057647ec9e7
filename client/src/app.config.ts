import { ROUTES, SUBPACKAGES } from './constants/routes'

// Route strings come from constants/routes.ts; app.json wants them without the leading slash.
const bare = (route: string) => route.replace(/^\//, '')

export default defineAppConfig({
  // Main package: only what every user needs on first open (WeChat caps it at 2 MB). The redeem
  // page is here too: an invitee opens it straight from a share card, before anything else loads;
  // so is the team join page (a leader's share card in the team's WeChat group).
  pages: [bare(ROUTES.login), bare(ROUTES.home), bare(ROUTES.me), bare(ROUTES.invite), bare(ROUTES.join)],
  subPackages: SUBPACKAGES.map((pkg) => ({ root: pkg.root, pages: [...pkg.pages] })),
  // 我担心这个孩子 is on home: fetch its subpackage with home, so the hotline numbers open at once
  // even where the village signal drops after the app has started. The check-in form likewise: it
  // is filled where there is no signal, and a subpackage cannot be downloaded there.
  preloadRule: { [bare(ROUTES.home)]: { network: 'all', packages: ['packages/safeguarding', 'packages/checkins'] } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '牵手童行',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#c2410c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: bare(ROUTES.home), text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: bare(ROUTES.me), text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // Each page loads only the components it uses (WeChat's code-quality check asks for it; a faster
  // first open on a cheap phone).
  lazyCodeLoading: 'requiredComponents',
  // Location is asked for the township picker and, optionally, on a check-in (kept to about 1 km);
  // WeChat rejects the call unless declared here.
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: {
    'scope.userFuzzyLocation': { desc: '用于推荐您所在的乡镇，以及在走访记录中记下大概位置（约1公里）' },
  },
})
