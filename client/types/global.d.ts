/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    /** Origin of the API for weapp builds, e.g. https://qstx.example.cn; '' on H5 (same origin). */
    TARO_APP_API_BASE: string
    /** Overrides project.config.json's appid at build time (Taro reads it from .env files). */
    TARO_APP_ID?: string
  }
}
