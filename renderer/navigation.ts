import {
  IconChecklist,
  IconFileReport,
  IconFileText,
  IconHistory,
  IconLayoutDashboard,
  IconMessageQuestion,
  IconSend,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';

/** The workspace's areas, in navbar order. */
export const AREAS = ['dashboard', 'drafts', 'review', 'publishing', 'requests', 'annualReport', 'settings', 'audit'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ICONS: Record<Area, Icon> = {
  dashboard: IconLayoutDashboard,
  drafts: IconFileText,
  review: IconChecklist,
  publishing: IconSend,
  requests: IconMessageQuestion,
  annualReport: IconFileReport,
  settings: IconSettings,
  audit: IconHistory,
};

export function areaVisible(area: Area, isAdmin: boolean): boolean {
  return area !== 'audit' || isAdmin;
}
