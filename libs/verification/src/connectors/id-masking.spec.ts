import { maskIdNumbersIn } from './id-masking';

describe('masking ID numbers in raw answers', () => {
  const id = '43110219800101001X';

  it('masks values, embedded occurrences and keys, whatever the case of the check character', () => {
    const raw = {
      idCardNo: id.toLowerCase(),
      certNo: `${id}42`,
      persons: { [id]: { sfcz: '1' } },
      list: [id, 7, null, true],
    };
    expect(maskIdNumbersIn(raw, [id])).toEqual({
      idCardNo: '431102********001X',
      certNo: '431102********001X42',
      persons: { '431102********001X': { sfcz: '1' } },
      list: ['431102********001X', 7, null, true],
    });
    expect(JSON.stringify(maskIdNumbersIn(raw, [id]))).not.toContain('19800101');
  });

  it('leaves other values alone and does not change its input', () => {
    const raw = { code: 0, msg: '成功', other: '431102198001010028' };
    expect(maskIdNumbersIn(raw, [id])).toEqual(raw);
    expect(maskIdNumbersIn(null, [id])).toBeNull();
  });
});
