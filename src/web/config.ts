/** What the server tells the page (a JSON data block in the HTML): shared by `serve/page.ts` and the page code. */
import type { Campaign } from '../campaign/campaign.js';
import type { Lang } from '../core/messages.js';

export interface PageConfig {
  lang: Lang;
  page: 'form' | 'summary';
  campaign: Campaign;
  /** Whether a folder was given (the 汇总 page has data). */
  inbox: boolean;
  /** Today in the campaign's zone (for the deadline notice). */
  today: string;
}
