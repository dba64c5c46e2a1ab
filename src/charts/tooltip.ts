import { escapeHtml } from '@/domain/format';

export interface TooltipLine {
  readonly marker: string;
  readonly name: string;
  readonly value: string;
}

/** Tooltip HTML whose every text is escaped: names come from data. */
export function tooltipHtml(title: string, lines: readonly TooltipLine[], footer?: string): string {
  const rows = lines
    .map(
      (l) =>
        `<div style="display:flex;justify-content:space-between;gap:16px"><span>${l.marker}${escapeHtml(l.name)}</span><b>${escapeHtml(l.value)}</b></div>`,
    )
    .join('');
  const foot = footer ? `<div style="margin-top:4px;color:#6b7785">${escapeHtml(footer)}</div>` : '';
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>${rows}${foot}`;
}

/** A coloured dot like ECharts' own marker, from a colour the app chose (not from data). */
export function marker(color: string): string {
  const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#999';
  return `<span style="display:inline-block;margin-right:6px;border-radius:50%;width:8px;height:8px;background:${safe}"></span>`;
}
