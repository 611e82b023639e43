import { describe, it, expect } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { i18n } from './index'
import { router } from '../router'

// Every page's own text: each key a source names in t('…') must exist in both locales (a missing key would show as itself).
const root = join(__dirname, '..')
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(vue|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [])
}

describe('i18n usage', () => {
  const used = new Set<string>()
  for (const file of sources(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1])
  }
  it('finds the keys the pages use', () => {
    expect(used.size).toBeGreaterThan(300)
  })
  it('has every key a page uses, in Chinese and in English', () => {
    const missing = [...used].flatMap((key) => (['zh-CN', 'en'] as const).filter((locale) => !i18n.global.te(key, locale)).map((locale) => `${locale}:${key}`))
    expect(missing).toEqual([])
  })
  // The operator log's action names come from the server (OperatorActions, checked by the server's tests).
  it('names every webhook event the server sends', () => {
    for (const event of ['order.completed', 'reward.credited', 'member.forced_exit', 'withdrawal.status_changed'])
      expect(i18n.global.te(`admin.event.${event}`, 'zh-CN')).toBe(true)
  })
  it('routes every page the menus link to', () => {
    const layout = readFileSync(join(root, 'office/OfficeLayout.vue'), 'utf8') + readFileSync(join(root, 'phone/MePage.vue'), 'utf8')
    const paths = new Set([...layout.matchAll(/'(\/(?:office|m)\/[\w/-]+)'|to="(\/(?:office|m)\/[\w/-]+)"/g)].map((m) => m[1] ?? m[2]))
    expect(paths.size).toBeGreaterThan(20)
    for (const path of paths) expect(router.resolve(path).matched.length, path).toBeGreaterThan(1)
  })
})
