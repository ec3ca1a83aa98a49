import { ConfigProvider, Tag } from 'antd';
import type { ReactNode } from 'react';

/*
 * Colours that pass axe-core's contrast check (4.5:1 for normal text) on white and on antd's light alert
 * backgrounds: antd's default link blue, error red and preset tag colours do not.
 */

/** Link and error colours with enough contrast for the pages inside. */
export function AccessibleTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorLink: '#0b57d0', colorError: '#b3261e' } }}>
      {children}
    </ConfigProvider>
  );
}

export type Tone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

/** Solid backgrounds with white text, each at least 5:1. */
const TONES: Record<Tone, string> = {
  good: '#2b6a2f',
  bad: '#a8071a',
  warn: '#8a4b00',
  info: '#0b4fa8',
  neutral: '#595959',
};

/** A short state label ("正常", "仅2人", "完整") in an accessible colour. */
export function StateTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag color={TONES[tone]} style={{ marginInlineEnd: 4 }}>
      {children}
    </Tag>
  );
}
