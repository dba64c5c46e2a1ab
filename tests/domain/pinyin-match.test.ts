import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { isPinyinQuery, matchPinyin, pinyinKeys, type ToSyllables } from '@/domain/pinyin-match';

const toSyllables: ToSyllables = (name) => pinyin(name, { toneType: 'none', type: 'array' });
const NAMES = ['东川市公安局', '东川城区人民政府', '西山县公安局', '东川市人力资源和社会保障局', '省应急管理厅'];
const entries = NAMES.map((name) => ({ item: name, name, ...pinyinKeys(name, toSyllables) }));

describe('pinyin search', () => {
  it('takes only Latin letters (spaces and apostrophes allowed) as a pinyin query', () => {
    expect(['gaj', 'dong chuan', "xi'an", 'DCS'].map(isPinyinQuery)).toEqual([true, true, true, true]);
    expect(['公安', 'demo-dongchuan', '2023', '', ' '].map(isPinyinQuery)).toEqual([false, false, false, false, false]);
  });

  it('keys a name by its full pinyin and initials, punctuation and brackets dropped', () => {
    expect(pinyinKeys('东川市公安局', toSyllables)).toEqual({ full: 'dongchuanshigonganju', initials: 'dcsgaj' });
    expect(pinyinKeys('东川市（试点）', toSyllables).initials).toBe('dcssd');
  });

  it('ranks initials before full pinyin, then shorter names', () => {
    expect(matchPinyin(entries, 'gaj')).toEqual(['东川市公安局', '西山县公安局']);
    expect(matchPinyin(entries, 'dcs')).toEqual(['东川市公安局', '东川市人力资源和社会保障局']);
    expect(matchPinyin(entries, 'dongchuan')).toEqual([
      '东川市公安局',
      '东川城区人民政府',
      '东川市人力资源和社会保障局',
    ]);
    expect(matchPinyin(entries, 'ying ji')).toEqual(['省应急管理厅']);
    expect(matchPinyin(entries, 'zzz')).toEqual([]);
    expect(matchPinyin(entries, 'gaj', 1)).toEqual(['东川市公安局']);
  });
});
