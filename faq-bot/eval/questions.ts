/**
 * Held-out eval set: shopper questions phrased the way people actually type (colloquial, typos, partial),
 * each labelled with the FAQ id that should answer it, or "escalate" when a human must take over
 * (explicit requests, complaints, out-of-scope). Written before tuning retrieval; do not edit questions
 * or FAQ entries to make individual misses pass.
 */

export const ESCALATE = "escalate";

export interface EvalQuestion {
  question: string;
  /** FAQ id, or ESCALATE. */
  expected: string;
}

export const EVAL_QUESTIONS: EvalQuestion[] = [
  // 支付
  { question: "能用信用卡付钱不", expected: "payment-methods" },
  { question: "可以货到付款吗", expected: "payment-methods" },
  { question: "支付宝能付吗", expected: "payment-methods" },
  { question: "在你们这付钱会不会被盗刷啊", expected: "payment-security" },
  { question: "有人打电话说是客服让我提供验证码 靠谱吗", expected: "payment-security" },
  { question: "我付了钱订单还是显示待付款", expected: "payment-failed" },
  { question: "微信扣了两次钱咋办", expected: "payment-failed" },
  { question: "买空调能分12期吗", expected: "payment-installment" },
  { question: "有没有免息分期", expected: "payment-installment" },
  { question: "下了单忘了付款会怎么样", expected: "payment-timeout" },
  { question: "订单多长时间不付就没了", expected: "payment-timeout" },
  // 订单
  { question: "我买的冰箱到哪了", expected: "order-tracking" },
  { question: "怎么看快递单号", expected: "order-tracking" },
  { question: "发货没有啊 在哪看", expected: "order-tracking" },
  { question: "拍错了 想取消", expected: "order-cancel" },
  { question: "刚下的单能撤回吗", expected: "order-cancel" },
  { question: "地址写错了怎么改", expected: "order-modify-address" },
  { question: "收货电话填错了", expected: "order-modify-address" },
  { question: "快递显示签收了可我根本没拿到", expected: "order-not-received" },
  // 配送
  { question: "今天买明天能到不", expected: "delivery-time" },
  { question: "一般几天发货", expected: "delivery-time" },
  { question: "要运费不", expected: "delivery-fee" },
  { question: "买个电饭煲包不包邮", expected: "delivery-fee" },
  { question: "我在农村 能送到家吗", expected: "delivery-area" },
  { question: "香港可以寄吗", expected: "delivery-area" },
  { question: "能不能周六给我送", expected: "delivery-appointment" },
  { question: "送货能约时间吗", expected: "delivery-appointment" },
  { question: "我住8楼没电梯 搬上去要加钱吗", expected: "delivery-upstairs" },
  { question: "送上楼要收费不", expected: "delivery-upstairs" },
  // 安装
  { question: "空调装机要额外花钱吗", expected: "install-ac" },
  { question: "铜管不够长怎么收费", expected: "install-ac" },
  { question: "装空调打孔收钱吗", expected: "install-ac" },
  { question: "热水器装的时候要买什么配件吗", expected: "install-water-heater" },
  { question: "燃气热水器安装费多少", expected: "install-water-heater" },
  { question: "师傅啥时候来装", expected: "install-appointment" },
  { question: "洗碗机送到了谁来安装", expected: "install-appointment" },
  { question: "电视想挂墙上 挂架送吗", expected: "install-tv-mount" },
  { question: "搬家了空调要移机多少钱", expected: "install-relocation" },
  { question: "我自己装冰箱会不会不给保修", expected: "install-self" },
  // 退换货
  { question: "买了不喜欢能退不", expected: "return-7day" },
  { question: "七天无理由咋申请", expected: "return-7day" },
  { question: "7天内可以退吗", expected: "return-7day" },
  { question: "新买的洗衣机有毛病 能换新的吗", expected: "exchange-quality" },
  { question: "收到的电视有坏点 想换货", expected: "exchange-quality" },
  { question: "质量问题换货流程", expected: "exchange-quality" },
  { question: "冰箱要退 这么大我怎么寄", expected: "return-large-pickup" },
  { question: "退货会有人来拉走吗", expected: "return-large-pickup" },
  { question: "退的钱啥时候到", expected: "refund-time" },
  { question: "退款几天到账啊", expected: "refund-time" },
  { question: "退钱要等多久", expected: "refund-time" },
  { question: "退货邮费我出吗", expected: "return-shipping-fee" },
  { question: "运费险能赔吗", expected: "return-shipping-fee" },
  { question: "箱子拆了还能退吗", expected: "return-opened" },
  { question: "冰箱插电用了两天还能退货么", expected: "return-opened" },
  // 保修
  { question: "三包政策是怎样的", expected: "warranty-general" },
  { question: "保修要不要保修卡", expected: "warranty-general" },
  { question: "质保期从哪天开始算", expected: "warranty-general" },
  { question: "延保怎么买", expected: "warranty-extended" },
  { question: "能多保几年吗", expected: "warranty-extended" },
  { question: "电视机质保几年", expected: "warranty-tv" },
  { question: "液晶屏坏了保修吗", expected: "warranty-tv" },
  { question: "冰箱压缩机保几年", expected: "warranty-fridge" },
  { question: "冰柜保修多久", expected: "warranty-fridge" },
  { question: "滚筒洗衣机电机保修多久", expected: "warranty-washer" },
  { question: "格力空调整机保修6年吗", expected: "warranty-ac" },
  { question: "空调保修期多长", expected: "warranty-ac" },
  { question: "热水器内胆漏水保不保", expected: "warranty-water-heater" },
  { question: "电饭煲保修多久", expected: "warranty-small-appliance" },
  { question: "扫地机器人质保期", expected: "warranty-small-appliance" },
  // 维修
  { question: "空调不制冷了怎么报修", expected: "repair-request" },
  { question: "洗衣机坏了找谁修", expected: "repair-request" },
  { question: "热水器不出热水 能派人来看看吗", expected: "repair-request" },
  { question: "离我最近的售后点在哪", expected: "repair-outlets" },
  { question: "杭州有维修点吗", expected: "repair-outlets" },
  { question: "保修过期了修要钱吗", expected: "repair-fee" },
  { question: "过了保修上门检测收多少", expected: "repair-fee" },
  // 发票
  { question: "发票在哪下载", expected: "invoice-electronic" },
  { question: "能开票吗", expected: "invoice-electronic" },
  { question: "忘了开发票还能补吗", expected: "invoice-electronic" },
  { question: "公司买的能开专票吗", expected: "invoice-vat-special" },
  { question: "要开增值税专票 需要啥资料", expected: "invoice-vat-special" },
  { question: "发票抬头写错了", expected: "invoice-modify" },
  { question: "税号填错了能换开吗", expected: "invoice-modify" },
  // 优惠
  { question: "优惠卷在哪领", expected: "coupon-usage" },
  { question: "我的券怎么用不了", expected: "coupon-usage" },
  { question: "满减跟优惠券能一起用不", expected: "coupon-stacking" },
  { question: "两张券能同时用吗", expected: "coupon-stacking" },
  { question: "退货了券还给我吗", expected: "coupon-refund" },
  // 会员
  { question: "积分有啥用", expected: "member-points" },
  { question: "积分能当钱花吗", expected: "member-points" },
  { question: "金卡会员有什么好处", expected: "member-tiers" },
  { question: "怎么升级会员", expected: "member-tiers" },
  // 以旧换新
  { question: "旧冰箱能换新的抵钱吗", expected: "trade-in" },
  { question: "老空调回收吗", expected: "trade-in" },
  { question: "以旧换新旧机怎么估价", expected: "trade-in" },
  { question: "国补怎么领", expected: "trade-in-subsidy" },
  { question: "政府补贴有吗", expected: "trade-in-subsidy" },
  // 价保
  { question: "刚买就降价了 能补差价吗", expected: "price-protection" },
  { question: "保价多少天", expected: "price-protection" },
  // 账户
  { question: "登陆不上去", expected: "account-login" },
  { question: "小程序一直登录失败", expected: "account-login" },
  { question: "换号码了怎么改绑", expected: "account-change-phone" },
  { question: "手机号不用了怎么办", expected: "account-change-phone" },
  { question: "我要注销账户", expected: "account-delete" },
  { question: "怎么删号", expected: "account-delete" },
  // 客服
  { question: "客服几点下班", expected: "contact-service" },
  { question: "你们客服电话多少", expected: "contact-service" },

  // ── 应转人工：明确要求 ──
  { question: "转人工", expected: ESCALATE },
  { question: "我要找真人说话", expected: ESCALATE },
  { question: "叫你们人工客服出来", expected: ESCALATE },
  { question: "别跟我扯机器人 找个活人", expected: ESCALATE },
  { question: "人工", expected: ESCALATE },
  // ── 应转人工：投诉 ──
  { question: "我要投诉你们的安装师傅", expected: ESCALATE },
  { question: "你们服务太差了 我要去12315举报", expected: ESCALATE },
  { question: "再不解决我就曝光你们", expected: ESCALATE },
  { question: "师傅多收了我200块钱 态度还很差", expected: ESCALATE },
  // ── 应转人工：超出范围 ──
  { question: "今天天气怎么样", expected: ESCALATE },
  { question: "帮我写一首诗", expected: ESCALATE },
  { question: "你们老板叫什么名字", expected: ESCALATE },
  { question: "附近有什么好吃的", expected: ESCALATE },
  { question: "股票明天会涨吗", expected: ESCALATE },
  { question: "你是男的还是女的", expected: ESCALATE },
  { question: "苹果手机多少钱", expected: ESCALATE },
  { question: "能帮我订一张去上海的机票吗", expected: ESCALATE },
  { question: "我家猫不吃饭怎么办", expected: ESCALATE },
  { question: "你们招不招人", expected: ESCALATE },
  { question: "小米汽车什么时候交付", expected: ESCALATE },
];
