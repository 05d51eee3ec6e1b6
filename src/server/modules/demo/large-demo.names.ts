/**
 * Chinese names for the large demo's 2,000 people, drawn from common surnames and given-name
 * characters (with their pinyin, for e-mail addresses). Pure data and one generator.
 */
import type { Random } from './large-demo.random.ts';

type Syllable = readonly [hanzi: string, pinyin: string];

// the most common surnames, roughly by frequency (earlier ones are drawn more often)
const SURNAMES: readonly Syllable[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'],
  ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
];

const GIVEN: readonly Syllable[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['晨', 'chen'], ['思', 'si'], ['雨', 'yu'],
  ['子', 'zi'], ['轩', 'xuan'], ['浩', 'hao'], ['然', 'ran'], ['梓', 'zi'], ['涵', 'han'], ['欣', 'xin'], ['怡', 'yi'],
  ['佳', 'jia'], ['嘉', 'jia'], ['宇', 'yu'], ['博', 'bo'], ['文', 'wen'], ['婷', 'ting'], ['晓', 'xiao'], ['雪', 'xue'],
  ['建', 'jian'], ['国', 'guo'], ['志', 'zhi'], ['鹏', 'peng'], ['慧', 'hui'], ['琳', 'lin'], ['俊', 'jun'], ['凯', 'kai'],
  ['梦', 'meng'], ['琪', 'qi'], ['昊', 'hao'], ['天', 'tian'], ['诗', 'shi'], ['雯', 'wen'], ['一', 'yi'], ['鑫', 'xin'],
];

export type PersonName = { name: string; emailLocal: string };

/**
 * A generator of distinct-enough names: a surname (the common ones more often) and one or two
 * given-name characters. E-mail local parts are made unique with a number when names repeat.
 */
export function nameGenerator(random: Random): () => PersonName {
  const used = new Map<string, number>();
  return () => {
    // squaring skews the draw towards the front of the list, as real surnames are
    const surname = SURNAMES[Math.floor(random.next() ** 2 * SURNAMES.length)];
    const given = random.chance(0.7) ? [random.pick(GIVEN), random.pick(GIVEN)] : [random.pick(GIVEN)];
    const name = surname[0] + given.map((g) => g[0]).join('');
    const local = `${given.map((g) => g[1]).join('')}.${surname[1]}`;
    const count = (used.get(local) ?? 0) + 1;
    used.set(local, count);
    return { name, emailLocal: count === 1 ? local : `${local}${count}` };
  };
}
