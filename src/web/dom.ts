/** Small DOM helpers for the page code: elements built with text (never HTML from values). */
import { formatPageMessage, type Lang, type PageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined) node.append(c);
  return node;
}

/** The page's sentences: its part of the catalogue only (the command line's help and the like stay out of the script). */
export const sayer = (lang: Lang) => (code: PageCode, params?: Params) => formatPageMessage(code, params, lang);

/**
 * A request to this server: JSON in, JSON out; a network failure is `undefined`, and so is no answer
 * within `timeoutMs` when one is given (a request left hanging by a dropped connection would
 * otherwise hold the page for good).
 */
export async function api<T>(path: string, init: RequestInit = {}, timeoutMs?: number): Promise<T | undefined> {
  const abort = timeoutMs ? new AbortController() : undefined;
  const timer = abort ? setTimeout(() => abort.abort(), timeoutMs) : undefined;
  try {
    const res = await fetch(path, { credentials: 'same-origin', ...init, ...(abort ? { signal: abort.signal } : {}) });
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) return undefined;
    return (await res.json()) as T;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export const localTimeText = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};
