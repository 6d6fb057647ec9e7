/** The pages of a built mini-program as WeChat routes them: `pages/x/index`, `<subpackage root>/pages/y/index`. */
import { MAIN, subpackagesOf, type AppJson } from '../../../scripts/weapp-packages.mjs'

export interface AppPage {
  route: string
  /** MAIN, or the subpackage's root. */
  pkg: string
}

export function allPages(app: AppJson): AppPage[] {
  return [
    ...app.pages.map((route) => ({ route, pkg: MAIN })),
    ...subpackagesOf(app).flatMap((sub) => sub.pages.map((page) => ({ route: `${sub.root}/${page}`, pkg: sub.root }))),
  ]
}

/** Which package a file of the build (a path relative to the build's root) belongs to. */
export function packageOf(app: AppJson, file: string): string {
  return subpackagesOf(app).find((sub) => file.startsWith(`${sub.root}/`))?.root ?? MAIN
}
