import { describe, expect, it } from '@jest/globals';
import { failureReason, PLAYLIST_MESSAGE_KEYS, playlistPlaceholdersOf, playlistText } from './playlist-messages';

describe('the playlist texts', () => {
  it('says every text in both languages with the same parameters', () => {
    for (const key of PLAYLIST_MESSAGE_KEYS) {
      expect(playlistText('en', key)).not.toBe('');
      expect([key, playlistPlaceholdersOf('en', key)]).toEqual([key, playlistPlaceholdersOf('zh', key)]);
    }
  });

  it('says why in words, not status codes', () => {
    expect(failureReason(404, 'no playlist named x', 'zh')).toBe('不存在');
    expect(failureReason(null, '', 'zh')).toBe('服务器无法连接');
    expect(failureReason(500, 'playlist x is invalid', 'zh')).toBe('文件有误，请管理员修正');
    expect(failureReason(undefined, 'bad answer', 'en')).toBe('error: bad answer');
  });
});
