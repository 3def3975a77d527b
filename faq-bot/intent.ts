/**
 * Cheap, deterministic reading of a shopper's message: does it ask for a human, complain, say the last
 * answer did not help, or ask about their own order? Pure pattern matching on normalised text, so it
 * works without an LLM and before retrieval.
 */
import { normalize } from "./tokenize";

/**
 * Asking for a person, by family (each unit-tested on its own). Recall matters more than precision here:
 * a shopper who asks for a human and does not get one is the worst failure of a support bot, while an
 * unneeded handoff costs a colleague a minute. Matched on normalised text without spaces.
 */
export const HUMAN_REQUEST_FAMILIES = {
  /** The words for a handoff. "人工费"/"人工智能" (labour cost, AI) are not. */
  handoff: /转人工|转接|接线|接通|人工(?!费|成本|智能|审核|安装|免费|收费)|真人|活人|专人|真的客服|真客服/,
  /** A verb aimed at staff: 找客服, 叫你们经理来, 换个人, 联系一下售后人员, 让工作人员联系我. */
  staff:
    /(?:找|叫|喊|换|要|接|来|让|请|联系|安排)(?:一下|一个|个|位|了)?(?:你们|你们的|贵司|店里的?)?(?:人|客服|工作人员|员工|售后人员|专员|负责人|领导|经理|主管|店长|老板)|(?:和|跟|同|与)(?:你们的?)?(?:人|客服|工作人员|真人)(?:说话|聊|谈|沟通|对话|讲)|(?:找|叫|来|换|要)(?:个|一个|位)[^人]{1,4}的(?:人|客服|同事|专员)|工作人员|客服专员|客服小姐姐|客服小哥|售后人员|负责人|(?:客服|人工)(?:在吗|在不在|呢|出来)|联系我|打(?:个)?电话给我|给我打电话|回(?:个)?电话/,
  /** Is anyone there: 人呢, 有人吗, 有没有人. */
  presence: /^(?:人呢|有人吗|有人没|有没有人|人在吗|在吗|在不在)|有没有人(?:管|理|回)|来个人|来人/,
  /** Rejecting the bot: 不要机器人, 别用AI糊弄我, 你不是真人, 不想跟机器说话, 不要自动回复. */
  notTheBot:
    /(?:不要|别|不想|不用|不跟|不和|不同|不找|受够了?|不是)(?:跟|和|同|用|让|再)?.{0,6}(?:机器|机械|ai|人工智能|智能客服|自动回复|程序|bot|智障)|(?:你|你们)(?:是|就是)(?:个)?(?:机器|ai|人工智能|程序|bot)|你不是人|(?:机器人|机器|ai|智能客服|自动回复).{0,6}(?:笨|傻|蠢|听不懂|不懂|没用|不行|垃圾|答非所问|换人|不对|错了|不准|乱说|瞎说)/,
} as const;

/**
 * "人工客服几点上班", "客服电话多少": asking about the service, not (yet) for a person — answered from the
 * FAQ. Only when no handoff verb is in the sentence.
 */
const SERVICE_INFO_RE =
  /几点|时间|多久|电话(?:是|多少)|热线|多少号|什么时候|上班|下班|晚上|周末|节假日|怎么联系|如何联系/;
const HANDOFF_VERB_RE = /转|接|找|叫|给我|帮我|我要|来个|换/;

/** Complaints, anger and threats, by family: a human must own these, however well the FAQ matches. */
export const COMPLAINT_FAMILIES = {
  /** Formal complaints and threats of escalation outside the store. */
  threat:
    /投诉|举报|12315|12345|消协|消费者协会|工商局|市场监管|曝光|媒体|起诉|告你们|法院|律师|维权|差评|给(?:个|我个?)说法/,
  /** Accusations: cheating, overcharging. */
  accusation: /欺骗|骗子|骗人|骗钱|坑人|坑爹|太坑|真坑|坑了|乱收费|多收了|黑店|不想退款|不给退|拖着不/,
  /** Anger and insults. "垃圾处理器" is a product, "破损" a damage report. */
  anger:
    /垃圾(?!处理|桶|袋|分类)|生气|愤怒|火大|恼火|烦死|崩溃|差劲|什么破|破(?:服务|东西|玩意|商城|平台|店)|烂(?:服务|东西|透)|气死|太过分|过分了|离谱|受不了|忍无可忍|无语|恶心|不满意|失望|态度(?:很|太|非常|特别|极|真)?(?:差|恶劣|不好)|服务(?:很|太|非常|特别|极|真)?(?:差|烂)|没人(?:管|理|处理|回)|妈的|他妈|tmd|尼玛|滚(?!筒)/,
} as const;

/**
 * Small talk and general knowledge, by family: nothing an appliance shop's FAQ answers. A weak FAQ match
 * for these (今天 → delivery time, 名字 → profile, 附近 → repair outlets) must not be shown as an answer;
 * a strong one still is ("今天下单几号能到" matches the delivery entry well). Matched on normalised text.
 */
export const OFF_TOPIC_FAMILIES = {
  /** Weather, the date and the time. */
  weatherAndDate: /天气|下雨|下雪|刮风|今天(?:是)?(?:星期|周|礼拜)几|今天几号|今天是几号|几月几号|现在几点/,
  /** The bot itself: its name, age, sex. */
  aboutTheBot:
    /你(?:叫|是)(?:什么|啥)名字|你叫啥|你是谁|你几岁|你多大了|你是男的|你是女的|男的还是女的|老板叫(?:什么|啥)/,
  /** Entertainment and chat: jokes, poems, songs, films, stories. */
  entertainment: /讲个笑话|笑话|写(?:一)?首诗|作诗|唱(?:首|个)歌|电影|电视剧|讲个故事|聊聊天/,
  /** Money outside the shop, travel tickets, jobs. */
  elsewhere: /股票|基金|彩票|比特币|机票|火车票|高铁票|订酒店|招聘|招不招人|招人吗|找工作/,
  /** Cooking, health, pets, maths, translation, places to eat or refuel. */
  everydayLife:
    /菜谱|红烧|怎么做(?:菜|饭|肉|鱼|汤)|减肥|感冒|发烧|看病|猫|宠物|乘以|除以|等于几|翻译|好吃的|餐厅|加油站|多远/,
} as const;

export function offTopicFamilies(question: string): (keyof typeof OFF_TOPIC_FAMILIES)[] {
  const text = compact(question);
  return (Object.keys(OFF_TOPIC_FAMILIES) as (keyof typeof OFF_TOPIC_FAMILIES)[]).filter((f) =>
    OFF_TOPIC_FAMILIES[f].test(text),
  );
}

export function isOffTopic(question: string): boolean {
  return offTopicFamilies(question).length > 0;
}

/** "That did not help": counted across turns to detect a conversation going nowhere. */
const DISSATISFIED_RE =
  /没用|不是这个|不是我问的|不是我要的|都不是|答非所问|没解决|没有解决|还是不行|没听懂|你没懂|说的不对|说的都不对|回答不对|不对啊|看不懂|说了等于没说|不明白|没帮助|没有帮助|不管用/;

/**
 * Questions about the shopper's own, existing order (not how ordering works in general).
 * Matched after normalize(), which maps 物流/包裹/配送 to 快递.
 */
const OWN_ORDER_RE =
  /到哪(?:了|儿|里)|(?:我的|我买的|我那个|我那台|我下的|我订的).{0,10}(?<!无法|不能|不|暂不)(?:订单|货|快递|东西|电视|冰箱|洗衣机|空调|热水器)|(?<!能|可以|会|能不)发货(?:了)?(?:没|吗|没有)|发了(?:没|吗)|怎么还没(?:到|发|送)|还没(?:收到|到|发货|送)|订单(?:状态|进度)|快递(?:信息|进度|到)|查(?:一下)?(?:订单|快递)/;

/** Order numbers as the order service prints them: a long run of digits, optionally letter-prefixed. */
const ORDER_NO_RE = /\b[a-z]{0,3}\d{10,24}\b/gi;

const compact = (text: string) => normalize(text).replace(/\s+/g, "");

/** The families of HUMAN_REQUEST_FAMILIES the question matches (for tests and logs). */
/**
 * "叫人来修", "派人上门看看", "怎么找人修", "自己找人装": asking for a technician's visit (or about one),
 * which the FAQ answers (报修, 自行安装), not for staff.
 */
const VISIT_RE = /(?:人|师傅)(?:来|上门|过来)(?:修|装|看|拆|取|维修|安装)|(?:人|师傅)(?:修|装|拆|维修|安装)/;
const EXPLICIT_HANDOFF_RE = /转人工|人工|客服|真人|活人/;

export function humanRequestFamilies(question: string): (keyof typeof HUMAN_REQUEST_FAMILIES)[] {
  const text = compact(question);
  if (SERVICE_INFO_RE.test(text) && !HANDOFF_VERB_RE.test(text)) return [];
  if (VISIT_RE.test(text) && !EXPLICIT_HANDOFF_RE.test(text)) return [];
  return (Object.keys(HUMAN_REQUEST_FAMILIES) as (keyof typeof HUMAN_REQUEST_FAMILIES)[]).filter((f) =>
    HUMAN_REQUEST_FAMILIES[f].test(text),
  );
}

export function asksForHuman(question: string): boolean {
  return humanRequestFamilies(question).length > 0;
}

/** "有人打电话自称客服，是骗子吗": asking about a scam, not accusing the store. */
const SCAM_REPORT_RE = /冒充|自称|电话|来电|短信|链接|陌生/;

export function complaintFamilies(question: string): (keyof typeof COMPLAINT_FAMILIES)[] {
  const text = compact(question);
  return (Object.keys(COMPLAINT_FAMILIES) as (keyof typeof COMPLAINT_FAMILIES)[]).filter(
    (f) => COMPLAINT_FAMILIES[f].test(text) && !(f === "accusation" && SCAM_REPORT_RE.test(text)),
  );
}

export function isComplaint(question: string): boolean {
  return complaintFamilies(question).length > 0;
}

export function isDissatisfied(question: string): boolean {
  return DISSATISFIED_RE.test(compact(question));
}

/** Order numbers mentioned in the text, as typed (case preserved). */
export function mentionedOrderNos(question: string): string[] {
  return [...question.normalize("NFKC").matchAll(ORDER_NO_RE)].map((m) => m[0]);
}

export function isOwnOrderQuestion(question: string): boolean {
  if (mentionedOrderNos(question).length > 0) return true;
  return OWN_ORDER_RE.test(normalize(question).replace(/\s+/g, ""));
}

/** The message with its "that did not help" phrases removed, e.g. "不是这个，我问专票" → "我问专票". */
export function withoutDissatisfaction(question: string): string {
  return normalize(question).replace(/\s+/g, "").replace(new RegExp(DISSATISFIED_RE.source, "g"), " ").trim();
}
