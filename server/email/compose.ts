import { createHash } from 'node:crypto';
import type { NotificationCategory } from '../db/schema.js';
// Titles and bodies quote people's comments: they are text, never markup.
import { escapeHtml } from '../domain/markdown.js';

/** What a notification row contributes to an email. */
export interface EmailItem {
  id: number;
  eventKey: string;
  category: NotificationCategory;
  title: string;
  body: string;
  link: string;
  count: number;
}

export interface Recipient {
  email: string;
  name: string;
}

export interface EmailSite {
  publicUrl: string;
  from: string;
  /** The unsubscribe page for one category of this recipient's email. */
  unsubscribeUrl(category: NotificationCategory): string;
}

export interface ComposedEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  /** Named, so that nodemailer need not scan every body to choose one. */
  textEncoding: 'quoted-printable';
}

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  consultations: 'consultations opening and closing',
  my_comments: 'decisions and replies on your comments',
  versions: 'new versions of artefacts you follow',
  new_comments: "new comments on your code's artefacts",
  programme: 'readiness, papers and decisions',
  work_off: 'work-off items assigned to your code',
};

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const absolute = (site: EmailSite, link: string) =>
  link.startsWith('/') ? `${site.publicUrl}${link}` : `${site.publicUrl}/${link}`;

function mailDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/**
 * The same row always gets the same Message-ID, so a resend after a crash between the SMTP
 * server's acceptance and our record of it is recognisably the same message.
 */
export function notificationMessageId(item: EmailItem, publicUrl: string): string {
  const event = createHash('sha256').update(item.eventKey).digest('hex').slice(0, 16);
  return `<notification-${item.id}.${event}@${mailDomain(publicUrl)}>`;
}

export function digestMessageId(userId: string, date: string, publicUrl: string): string {
  return `<digest-${userId}-${date}@${mailDomain(publicUrl)}>`;
}

const footerText = (site: EmailSite, categories: NotificationCategory[]) =>
  [
    '--',
    'You receive this because of your notification settings in M6 review.',
    ...categories.map((c) => `Stop emails about ${CATEGORY_LABELS[c]}: ${site.unsubscribeUrl(c)}`),
    `Change your settings: ${site.publicUrl}/notifications`,
  ].join('\n');

const footerHtml = (site: EmailSite, categories: NotificationCategory[]) =>
  [
    '<hr>',
    '<p style="color:#555;font-size:12px">You receive this because of your notification settings in M6 review.<br>',
    ...categories.map(
      (c) =>
        `<a href="${escapeHtml(site.unsubscribeUrl(c))}">Stop emails about ${escapeHtml(CATEGORY_LABELS[c])}</a><br>`,
    ),
    `<a href="${escapeHtml(`${site.publicUrl}/notifications`)}">Change your settings</a></p>`,
  ].join('\n');

const countNote = (item: EmailItem) => (item.count > 1 ? ` (${item.count})` : '');

/** One notification as one email. */
export function composeNotificationEmail(
  item: EmailItem,
  to: Recipient,
  site: EmailSite,
): ComposedEmail {
  const url = absolute(site, item.link);
  const unsubscribe = site.unsubscribeUrl(item.category);
  const title = `${item.title}${countNote(item)}`;
  return {
    from: site.from,
    to: to.email,
    subject: title,
    text: [title, '', item.body, '', `Open it: ${url}`, '', footerText(site, [item.category])]
      .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
      .join('\n'),
    html: [
      `<h2 style="font-size:18px">${escapeHtml(title)}</h2>`,
      paragraphs(item.body),
      `<p><a href="${escapeHtml(url)}">Open it in M6 review</a></p>`,
      footerHtml(site, [item.category]),
    ].join('\n'),
    messageId: notificationMessageId(item, site.publicUrl),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
    textEncoding: 'quoted-printable',
  };
}

/** A day's notifications of one recipient as one email. */
export function composeDigestEmail(
  items: EmailItem[],
  to: Recipient,
  site: EmailSite,
  digest: { userId: string; date: string; more: number },
): ComposedEmail {
  const categories = [...new Set(items.map((i) => i.category))];
  const total = items.length + digest.more;
  const subject = `M6 review: ${total} notification${total === 1 ? '' : 's'} (${digest.date})`;
  const more = digest.more
    ? `…and ${digest.more} more: ${site.publicUrl}/notifications`
    : undefined;
  const text = [
    subject,
    '',
    ...items.flatMap((i) => [
      `* ${i.title}${countNote(i)}`,
      ...(i.body ? [`  ${i.body.replace(/\n/g, '\n  ')}`] : []),
      `  ${absolute(site, i.link)}`,
      '',
    ]),
    ...(more ? [more, ''] : []),
    footerText(site, categories),
  ].join('\n');
  const html = [
    `<h2 style="font-size:18px">${escapeHtml(subject)}</h2>`,
    '<ul>',
    ...items.map(
      (i) =>
        `<li><p><a href="${escapeHtml(absolute(site, i.link))}">${escapeHtml(i.title + countNote(i))}</a></p>${paragraphs(i.body)}</li>`,
    ),
    '</ul>',
    ...(more
      ? [
          `<p><a href="${escapeHtml(`${site.publicUrl}/notifications`)}">…and ${digest.more} more</a></p>`,
        ]
      : []),
    footerHtml(site, categories),
  ].join('\n');
  const headers: Record<string, string> = {};
  // One address can unsubscribe from one category; a digest of several lists each in its footer.
  if (categories.length === 1 && categories[0])
    headers['List-Unsubscribe'] = `<${site.unsubscribeUrl(categories[0])}>`;
  return {
    from: site.from,
    to: to.email,
    subject,
    text,
    html,
    messageId: digestMessageId(digest.userId, digest.date, site.publicUrl),
    headers,
    textEncoding: 'quoted-printable',
  };
}
