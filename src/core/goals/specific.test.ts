import { describe, expect, it } from 'vitest';
import { namesQuantity } from './specific.ts';

describe('namesQuantity', () => {
  it.each([
    '月度销售额增长20%',
    '粉丝数量达到5万',
    '用户转化率提升15%',
    '每月发布3条高质量内容',
    '月度曝光量达到50万次',
    '3个月内销售额突破1000万元',
    '粉丝数量达到五万',
    '每月发布三条高质量内容',
    '销售额突破一千万元',
    '销售额翻一番',
    '复购用户占比达到九成',
    '用户满意度达到百分之九十',
    '客单价提高到１２０元',
    'Reach 50,000 followers by June 2027',
    'Grow monthly sales by twenty percent',
    '2027年粉丝数量达到5万',
  ])('%s names a quantity', (statement) => {
    expect(namesQuantity(statement)).toBe(true);
  });

  it.each([
    '提升品牌知名度',
    'improve brand awareness',
    '进一步提升用户体验',
    '统一品牌形象，千万不要掉队',
    '成为行业第一',
    '十分重视用户反馈',
    '3个月内提升品牌知名度',
    '三个月内完成品牌推广',
    '2027年提升品牌知名度',
    '2027-06-30 前提升用户满意',
    '12月前完成品牌升级',
    'improve brand awareness in 2027',
    'Improve brand awareness within 3 months',
    'Be the best brand by June 30',
    '',
  ])('%s does not', (statement) => {
    expect(namesQuantity(statement)).toBe(false);
  });

  it('accepts the name of the bound indicator, in either language', () => {
    expect(namesQuantity('提升粉丝数', ['粉丝数', 'Followers'])).toBe(true);
    expect(namesQuantity('grow our followers', ['粉丝数', 'Followers'])).toBe(true);
    expect(namesQuantity('提升品牌知名度', ['粉丝数', null, ''])).toBe(false);
  });
});
