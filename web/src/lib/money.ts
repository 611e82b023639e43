// Amounts arrive as decimal strings ("1000.00", points "112.0000"): they are formatted as text, never through floating point.

const DASH = '—'

function parts(value: string | null | undefined): { negative: boolean; whole: string; fraction: string } | null {
  if (value === null || value === undefined) return null
  const text = String(value).trim()
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) return null
  return { negative: match[1] === '-', whole: match[2].replace(/^0+(?=\d)/, ''), fraction: match[3] ?? '' }
}

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** "1234567.5" → "¥1,234,567.50"; anything that is not a decimal number → "—". */
export function yuan(value: string | null | undefined): string {
  const p = parts(value)
  if (!p) return DASH
  const fraction = (p.fraction + '00').slice(0, 2)
  return `${p.negative ? '-' : ''}¥${group(p.whole)}.${fraction}`
}

/** Points keep their four decimals: "112" → "112.0000", "12345.5" → "12,345.5000". */
export function points(value: string | null | undefined): string {
  const p = parts(value)
  if (!p) return DASH
  return `${p.negative ? '-' : ''}${group(p.whole)}.${(p.fraction + '0000').slice(0, 4)}`
}

/** A plain decimal (a price, a rate) with grouping, as many decimals as it has. */
export function decimal(value: string | null | undefined): string {
  const p = parts(value)
  if (!p) return DASH
  return `${p.negative ? '-' : ''}${group(p.whole)}${p.fraction ? '.' + p.fraction : ''}`
}

/** "0.8" → "80%", "0.003" → "0.3%". */
export function percent(value: string | null | undefined): string {
  const scaled = toScaled(value ?? '', 6)
  if (scaled === null) return DASH
  const hundredths = scaled * 100n // 1e-6 of a percent
  const whole = hundredths / 1_000_000n
  const rest = (hundredths % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '')
  return `${whole}${rest ? '.' + rest : ''}%`
}

/** The decimal string as an integer of `scale` decimals (truncated), or null. */
export function toScaled(value: string, scale: number): bigint | null {
  const p = parts(value)
  if (!p) return null
  const fraction = (p.fraction + '0'.repeat(scale)).slice(0, scale)
  const n = BigInt(p.whole + fraction)
  return p.negative ? -n : n
}

function fromScaled(n: bigint, scale: number): string {
  const negative = n < 0n
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0')
  return `${negative ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
}

/** a × b × c… rounded down to fen, as a decimal string ("112.0000" × "8.9286" × "0.8" → "800.00"). */
export function multiplyToFen(...factors: string[]): string | null {
  const scale = 8
  let product = 100n // in fen
  let divisor = 1n
  for (const factor of factors) {
    const scaled = toScaled(factor, scale)
    if (scaled === null) return null
    product *= scaled
    divisor *= 10n ** BigInt(scale)
  }
  return fromScaled(product / divisor, 2)
}

/** a − b for money strings, in fen; null when either is not a number. */
export function subtractMoney(a: string, b: string): string | null {
  const x = toScaled(a, 2)
  const y = toScaled(b, 2)
  return x === null || y === null ? null : fromScaled(x - y, 2)
}

/** Compares two decimal strings: −1, 0 or 1 (null when either is not a number). */
export function compare(a: string, b: string): number | null {
  const x = toScaled(a, 8)
  const y = toScaled(b, 8)
  if (x === null || y === null) return null
  return x < y ? -1 : x > y ? 1 : 0
}

/** What a person typed as an amount of yuan ("12", "12.5", "0.05"), as the API's "12.50", or null. */
export function moneyInput(text: string): string | null {
  const match = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(text.trim())
  if (!match) return null
  const value = `${match[1].replace(/^0+(?=\d)/, '')}.${((match[2] ?? '') + '00').slice(0, 2)}`
  return toScaled(value, 2)! > 0n ? value : null
}

/** Points typed by a person ("100", "12.5") as the API's "12.5000", or null. */
export function pointsInput(text: string): string | null {
  const match = /^(\d{1,12})(?:\.(\d{0,4}))?$/.exec(text.trim())
  if (!match) return null
  const value = `${match[1].replace(/^0+(?=\d)/, '')}.${((match[2] ?? '') + '0000').slice(0, 4)}`
  return toScaled(value, 4)! > 0n ? value : null
}

const dateTimeFormats: Record<string, Intl.DateTimeFormat> = {}
const dayFormats: Record<string, Intl.DateTimeFormat> = {}

/** "2026-11-01T06:03:00Z" → "2026/11/01 14:03" in zh-CN (local time); "—" when absent. */
export function dateTime(value: string | null | undefined, locale = 'zh-CN'): string {
  if (!value) return DASH
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return DASH
  dateTimeFormats[locale] ??= new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  })
  return dateTimeFormats[locale].format(date)
}

/** A day "2026-11-01" → "2026/11/01" (zh-CN) or "11/01/2026" (en), without shifting time zones. */
export function day(value: string | null | undefined, locale = 'zh-CN'): string {
  if (!value) return DASH
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return DASH
  dayFormats[locale] ??= new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
  return dayFormats[locale].format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])))
}
