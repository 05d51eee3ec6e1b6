/**
 * The demo workspace's sample company: a small marketing and sales organisation.
 * Later issues add goals and scorecards to it. Pure data, no I/O.
 */
export type DemoPerson = {
  key: string;
  name: string;
  email: string;
  unit: string;
  position: string;
  manager?: string;
  joinedOn: string;
  left?: string;
};

export const demoUnits: { key: string; name: string; parent?: string; lead: string }[] = [
  { key: 'gm', name: '总经办', lead: 'zhou' },
  { key: 'mkt', name: '市场部', lead: 'lin' },
  { key: 'content', name: '内容组', parent: 'mkt', lead: 'chen' },
  { key: 'social', name: '新媒体组', parent: 'mkt', lead: 'he' },
  { key: 'sales', name: '销售部', lead: 'wang' },
  { key: 'east', name: '华东区', parent: 'sales', lead: 'zhao' },
  { key: 'south', name: '华南区', parent: 'sales', lead: 'liu' },
  { key: 'hr', name: '人力资源部', lead: 'sun' },
];

export const demoPositions: { name: string; description: string }[] = [
  { name: '总经理', description: '公司经营与战略' },
  { name: '市场经理', description: '市场部负责人：品牌、内容与渠道' },
  { name: '内容运营', description: '公众号、视频号与小红书内容的策划与发布' },
  { name: '新媒体运营', description: '抖音、小红书等平台的账号运营与互动' },
  { name: '销售总监', description: '销售部负责人：目标、团队与大客户' },
  { name: '区域销售经理', description: '一个销售区域的目标与团队' },
  { name: '销售代表', description: '客户开发、跟进与回款' },
  { name: 'HR 专员', description: '招聘、绩效考核与人事数据' },
];

export const demoPeople: DemoPerson[] = [
  { key: 'zhou', name: '周明远', email: 'zhou.mingyuan@demo.kedu', unit: 'gm', position: '总经理', joinedOn: '2019-03-01' },
  { key: 'lin', name: '林晓雯', email: 'lin.xiaowen@demo.kedu', unit: 'mkt', position: '市场经理', manager: 'zhou', joinedOn: '2020-05-11' },
  { key: 'chen', name: '陈思远', email: 'chen.siyuan@demo.kedu', unit: 'content', position: '内容运营', manager: 'lin', joinedOn: '2021-02-22' },
  { key: 'yang', name: '杨雨涵', email: 'yang.yuhan@demo.kedu', unit: 'content', position: '内容运营', manager: 'chen', joinedOn: '2023-07-03' },
  { key: 'xu', name: '徐佳怡', email: 'xu.jiayi@demo.kedu', unit: 'content', position: '内容运营', manager: 'chen', joinedOn: '2024-03-18' },
  { key: 'he', name: '何子轩', email: 'he.zixuan@demo.kedu', unit: 'social', position: '新媒体运营', manager: 'lin', joinedOn: '2021-09-06' },
  { key: 'gao', name: '高梦琪', email: 'gao.mengqi@demo.kedu', unit: 'social', position: '新媒体运营', manager: 'he', joinedOn: '2024-01-08' },
  { key: 'wang', name: '王建国', email: 'wang.jianguo@demo.kedu', unit: 'sales', position: '销售总监', manager: 'zhou', joinedOn: '2019-06-17' },
  { key: 'zhao', name: '赵磊', email: 'zhao.lei@demo.kedu', unit: 'east', position: '区域销售经理', manager: 'wang', joinedOn: '2020-08-24' },
  { key: 'wu', name: '吴婷', email: 'wu.ting@demo.kedu', unit: 'east', position: '销售代表', manager: 'zhao', joinedOn: '2022-04-11' },
  { key: 'zheng', name: '郑浩然', email: 'zheng.haoran@demo.kedu', unit: 'east', position: '销售代表', manager: 'zhao', joinedOn: '2022-10-09' },
  { key: 'feng', name: '冯静', email: 'feng.jing@demo.kedu', unit: 'east', position: '销售代表', manager: 'zhao', joinedOn: '2023-05-15' },
  { key: 'cao', name: '曹宇', email: 'cao.yu@demo.kedu', unit: 'east', position: '销售代表', manager: 'zhao', joinedOn: '2025-02-24' },
  { key: 'liu', name: '刘芳', email: 'liu.fang@demo.kedu', unit: 'south', position: '区域销售经理', manager: 'wang', joinedOn: '2020-11-02' },
  { key: 'huang', name: '黄志强', email: 'huang.zhiqiang@demo.kedu', unit: 'south', position: '销售代表', manager: 'liu', joinedOn: '2021-12-13' },
  { key: 'zhu', name: '朱丽娜', email: 'zhu.lina@demo.kedu', unit: 'south', position: '销售代表', manager: 'liu', joinedOn: '2023-03-27' },
  { key: 'ma', name: '马俊杰', email: 'ma.junjie@demo.kedu', unit: 'south', position: '销售代表', manager: 'liu', joinedOn: '2024-06-03' },
  { key: 'hu', name: '胡晓东', email: 'hu.xiaodong@demo.kedu', unit: 'south', position: '销售代表', manager: 'liu', joinedOn: '2022-01-10', left: '2026-08-31' },
  { key: 'sun', name: '孙丽', email: 'sun.li@demo.kedu', unit: 'hr', position: 'HR 专员', manager: 'zhou', joinedOn: '2020-03-16' },
  { key: 'guo', name: '郭晨', email: 'guo.chen@demo.kedu', unit: 'hr', position: 'HR 专员', manager: 'sun', joinedOn: '2025-09-01' },
];

/** Accounts of the demo workspace, so each role can be tried. Their password is DEMO_PASSWORD. */
export const demoAccounts: { person: string; role: 'admin' | 'manager' | 'member' }[] = [
  { person: 'zhou', role: 'admin' },
  { person: 'wang', role: 'manager' },
  { person: 'zhao', role: 'manager' },
  { person: 'wu', role: 'member' },
  { person: 'sun', role: 'admin' },
];
export const DEMO_SLUG = 'demo';
export const DEMO_NAME = '星辰营销（演示）';
export const DEMO_PASSWORD = 'kedu-demo';
