/**
 * The journey the simulator tells for a waybill: 揽收 at an appliance factory town, 在途 through two
 * transfer centres, 到达 the destination city, 派件, then 签收, or, for a waybill ending in "14",
 * 拒签 → 退回 → 退签. The route is picked from the waybill number, so a waybill always tells the
 * same story. States are 快递100's (0 在途, 1 揽收, 3 签收, 4 退签, 5 派件, 6 退回, 14 拒签).
 */

export interface ScriptStep {
  state: number;
  /** 快递100's per-trace status word (resultv2=1). */
  status: string;
  context: string;
  areaCode: string;
  /** "省,市,区" as 快递100 writes it. */
  areaName: string;
}

interface Place {
  province: string;
  city: string;
  district: string;
  /** GB/T 2260 code of the district (or city). */
  code: string;
}

interface Route {
  origin: Place & { outlet: string };
  via: [Place & { hub: string }, Place & { hub: string }];
  dest: Place & { hub: string; station: string };
}

const ROUTES: Route[] = [
  {
    origin: {
      province: "广东",
      city: "佛山市",
      district: "顺德区",
      code: "440606",
      outlet: "顺德北滘营业点",
    },
    via: [
      { province: "广东", city: "广州市", district: "白云区", code: "440111", hub: "广州白云转运中心" },
      { province: "湖南", city: "长沙市", district: "望城区", code: "430112", hub: "长沙转运中心" },
    ],
    dest: {
      province: "湖北",
      city: "武汉市",
      district: "洪山区",
      code: "420111",
      hub: "武汉转运中心",
      station: "洪山光谷营业部",
    },
  },
  {
    origin: {
      province: "山东",
      city: "青岛市",
      district: "黄岛区",
      code: "370211",
      outlet: "黄岛开发区营业点",
    },
    via: [
      { province: "山东", city: "济南市", district: "历城区", code: "370112", hub: "济南转运中心" },
      { province: "江苏", city: "南京市", district: "江宁区", code: "320115", hub: "南京转运中心" },
    ],
    dest: {
      province: "上海",
      city: "上海市",
      district: "浦东新区",
      code: "310115",
      hub: "上海浦东转运中心",
      station: "张江营业部",
    },
  },
  {
    origin: {
      province: "广东",
      city: "珠海市",
      district: "香洲区",
      code: "440402",
      outlet: "香洲前山营业点",
    },
    via: [
      { province: "广东", city: "深圳市", district: "宝安区", code: "440306", hub: "深圳宝安转运中心" },
      { province: "浙江", city: "金华市", district: "义乌市", code: "330782", hub: "义乌转运中心" },
    ],
    dest: {
      province: "浙江",
      city: "杭州市",
      district: "西湖区",
      code: "330106",
      hub: "杭州转运中心",
      station: "西湖文三营业部",
    },
  },
];

const area = (p: Place, withDistrict = true) => ({
  areaCode: `CN${p.code}000000`,
  areaName: withDistrict ? `${p.province},${p.city},${p.district}` : `${p.province},${p.city}`,
});

/** Waybills ending in "14" are refused at the door (拒签) and go back to the sender. */
export const isRefusalWaybill = (number: string) => number.endsWith("14");

export function traceScript(number: string): ScriptStep[] {
  let hash = 0;
  for (const ch of number) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const { origin, via, dest } = ROUTES[hash % ROUTES.length]!;
  const [first, second] = via;
  const courierPhone = `138${String(hash % 100_000_000).padStart(8, "0")}`;
  const steps: ScriptStep[] = [
    {
      state: 1,
      status: "揽收",
      context: `【${origin.city}】${origin.outlet} 已揽收，快递员 张师傅`,
      ...area(origin),
    },
    {
      state: 0,
      status: "在途",
      context: `【${origin.city}】快件已从 ${origin.outlet} 发出，准备发往 ${first.hub}`,
      ...area(origin),
    },
    { state: 0, status: "在途", context: `【${first.city}】快件已到达 ${first.hub}`, ...area(first, false) },
    {
      state: 0,
      status: "在途",
      context: `【${first.city}】快件已从 ${first.hub} 发出，准备发往 ${second.hub}`,
      ...area(first, false),
    },
    {
      state: 0,
      status: "在途",
      context: `【${second.city}】快件已到达 ${second.hub}`,
      ...area(second, false),
    },
    {
      state: 0,
      status: "在途",
      context: `【${dest.city}】快件已到达 ${dest.hub}，正在分拣`,
      ...area(dest, false),
    },
    {
      state: 5,
      status: "派件",
      context: `【${dest.city}】${dest.station} 快递员 李师傅（${courierPhone}）正在为您派件，请保持电话畅通`,
      ...area(dest),
    },
  ];
  if (!isRefusalWaybill(number)) {
    steps.push({
      state: 3,
      status: "签收",
      context: `【${dest.city}】您的快件已签收，签收人：本人签收。感谢使用，期待再次为您服务`,
      ...area(dest),
    });
    return steps;
  }
  steps.push(
    {
      state: 14,
      status: "拒签",
      context: `【${dest.city}】收件人拒收，原因：外包装破损，快件将退回寄件人`,
      ...area(dest),
    },
    {
      state: 6,
      status: "退回",
      context: `【${dest.city}】快件已从 ${dest.hub} 退回，准备发往 ${origin.city}`,
      ...area(dest, false),
    },
    { state: 4, status: "退签", context: `【${origin.city}】退回件已由寄件人签收`, ...area(origin) },
  );
  return steps;
}
