import { createI18n } from 'vue-i18n';
import zh from '@/i18n/zh-CN';
import en from '@/i18n/en';

export type MessageSchema = typeof zh;

export const i18n = createI18n<[MessageSchema], 'zh' | 'en', false>({
  legacy: false,
  locale: 'zh',
  fallbackLocale: 'zh',
  messages: { zh, en },
});
