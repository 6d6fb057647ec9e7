import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// The workspace package @qstx/shared ships TypeScript sources, not a build: Taro's script rule only
// compiles src/ and Taro's own packages, so shared/src is added to compile.include for both targets.
const sharedSrc = path.resolve(__dirname, '../../shared/src')
// React Query 5 ships untranspiled class private fields (#field). Taro's H5 terser config
// (quote_keys) turns them into invalid `#"field"`, and old WeChat/iOS engines lack them: transpile.
// (Taro's config check accepts strings and functions here, not RegExp.)
const modernDeps = (file: string) => /node_modules[\\/]@tanstack[\\/]/.test(file)
const compile = { include: [sharedSrc, modernDeps] }

// Config reference: https://docs.taro.zone/docs/next/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qianshou-tongxing',
    date: '2025-1-1',
    // Our styles follow the 750 px design width (px → rpx 1:1 on weapp). NutUI's compiled CSS is
    // written for 375, so it gets its own width or every NutUI component would render at half size.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
      return file.includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform so an H5 build never overwrites the weapp tree (server serves dist/h5).
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@qstx/shared': sharedSrc,
      '@': path.resolve(__dirname, '../src'),
    },
    // Taro injects only TARO_APP_* from .env files; read the shell too so CI can set the weapp API host.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling (dev only) would hand NutUI and shared to esbuild untouched; keep them on babel.
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro', '@qstx/shared'] },
    },
    cache: { enable: false },
    mini: {
      compile,
      // WeChat's JavaScript has no AbortController, and React Query makes one for every fetch: without
      // it no query ever ran on a phone (test/weapp found it). Code that names it gets the ponyfill.
      webpackChain(chain, webpack) {
        chain.plugin('abort-controller').use(webpack.ProvidePlugin, [{ AbortController: ['abortcontroller-polyfill/dist/cjs-ponyfill.js', 'AbortController'] }])
      },
      // Pages import shared components in different orders; our styles are all class-scoped, so the
      // order inside the common chunk does not matter (same as h5 below) — silence the warning.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Browser history: real paths like /pages/home/index; the server falls back to index.html.
      router: { mode: 'browser' },
      compile,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
