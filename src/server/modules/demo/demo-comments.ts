/**
 * What people write when they check in on a demo goal, by how it is going and by what it
 * measures: a sales team speaks of clients and orders, a content team of articles, a 微商
 * seller of her posts, followers and shop orders — never of B2B clients signing early. Pure data.
 */
import { demoCheckInComments, type DemoGoal } from './demo-goals.ts';

/** Comments by how the goal goes: ahead of its pace, on it, behind it. */
export type CheckInMoods = { ahead: readonly string[]; onPace: readonly string[]; behind: readonly string[] };

const team: Record<string, CheckInMoods> = {
  sales_amount: demoCheckInComments,
  followers: {
    ahead: ['双十一抽奖带来一波新关注，进度超前。', '两篇测评被大号转载，涨粉明显。', '社群裂变活动效果好，略有超出。'],
    onPace: ['按计划推进。', '每周三更，粉丝稳步增长。', '新关注主要来自文章转发，节奏正常。'],
    behind: ['活动结束后取关增多，正在调整内容方向。', '本月推文少了两篇，涨粉放缓。', '渠道投放效果不及预期，正在调整。'],
  },
  content_published: {
    ahead: ['本月多发了一篇测评，阅读量不错。', '选题库提前备好，发布节奏超前。', '按计划推进，略有超出。'],
    onPace: ['按计划推进。', '本月内容按排期发布。', '选题和排期正常，下月继续。'],
    behind: ['有一篇测评在等样品，延到下月发。', '审稿返工两次，发布延后。', '人手紧张，部分选题延后。'],
  },
  customer_satisfaction: {
    ahead: ['售后响应提速后，好评明显增多。', '回访中满意的客户比上月多。', '按计划推进，略有超出。'],
    onPace: ['按计划推进。', '本月回访完成，满意度平稳。', '投诉都在时限内处理完。'],
    behind: ['物流延误引来几起投诉，正在跟进。', '问卷回收偏少，结果还要再看。', '售后排队时间偏长，正在加人。'],
  },
  staff_turnover_rate: {
    ahead: ['本月无人离职，进度超前。', '新人带教计划见效，试用期留存高。', '按计划推进，略有超出。'],
    onPace: ['按计划推进。', '离职面谈已完成，原因已汇总。', '本月人员稳定。'],
    behind: ['销售部有两人提出离职，正在沟通。', '招聘进度慢，现有人手压力大。', '薪酬调整方案还在审批。'],
  },
};
team.net_new_followers = team.followers;

/** The demo company's comments on a goal: by what it measures (sales comments for the rest). */
export function teamCheckInComments(goal: DemoGoal): CheckInMoods {
  return team[goal.indicator] ?? demoCheckInComments;
}

const seller: Record<string, CheckInMoods> = {
  sales_amount: {
    ahead: ['老顾客回购多，这个月订单比上个月多了一成。', '上新的三款口红卖得好，朋友圈一发就有人下单。', '直播带了两场货，销售额提前到了。'],
    onPace: ['订单和上个月差不多，按计划走。', '每天发二三十单，节奏正常。', '复购的老顾客稳定，新顾客还要多拉一些。'],
    behind: ['这个月退款多了几单，销售额没跟上。', '忙着拍内容，朋友圈发得少，订单跟着少了。', '快递停发了几天，有几单压到了下个月。'],
  },
  followers: {
    ahead: ['公众号连发两篇护肤干货，涨粉明显。', '和同城博主互推了一次，一周涨了几百个粉。', '抽奖活动带来不少新关注。'],
    onPace: ['粉丝稳步在涨，取关的不多。', '每周更新三次，粉丝按计划增长。', '新粉主要来自朋友圈转发，节奏正常。'],
    behind: ['这个月更新少，有几天取关的比新关注的还多。', '抽奖结束后掉了一些粉，在想办法留住。', '涨粉慢了，准备多做几期试色视频。'],
  },
  conversion_rate: {
    ahead: ['商品详情页换了实拍图，下单的人明显多了。', '加了“买二送一”，来看的人更愿意下单。', '私信回复快了，咨询的人大多都买了。'],
    onPace: ['转化率和上个月持平，继续改详情页。', '咨询到下单的比例稳定。', '新品页面按计划改版中。'],
    behind: ['来看的人多、下单的少，准备给新客发优惠券试试。', '私信回得慢，流失了一些咨询。', '直播时讲得太快，下次多做试用演示。'],
  },
  content_published: {
    ahead: ['这个月发了 4 条，有一条试色视频涨了不少粉。', '提前备好了下周的两篇稿子。', '把粉丝留言里的问题攒成一篇合集，反馈很好。'],
    onPace: ['按计划发了 3 条。', '一周一条，节奏刚好。', '这个月的选题都按时发了。'],
    behind: ['忙着发货，这个月只发了 2 条。', '拍的视频不满意，重拍耽误了几天。', '选题卡住了，下个月补上。'],
  },
};

const sellerOther: CheckInMoods = {
  ahead: ['这个月比预想的顺利。', '坚持每天更新，效果出来了。', '提前做到了。'],
  onPace: ['按计划推进。', '和上个月差不多，继续保持。', '节奏正常。'],
  behind: ['这个月事情多，进度慢了。', '效果不及预期，正在调整。', '下个月要多花点时间。'],
};

/** The 微商 seller's comments on a goal: a seller's month — posts, followers, orders. */
export function soloCheckInComments(goal: DemoGoal): CheckInMoods {
  return seller[goal.indicator] ?? sellerOther;
}
