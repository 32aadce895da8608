/// Words around person names in Chinese records.
enum NameCues {
    /// Role words that introduce a name: 患者王芳, 联系人：李强, 收货人 张伟, @刘洋.
    static let before: [[UInt32]] = [
        "患者", "病例", "病人", "感染者", "确诊者", "密接者", "密切接触者", "联系人", "收货人", "收件人",
        "寄件人", "发件人", "开户人", "户名", "持卡人", "法定代表人", "法人代表", "法人", "负责人", "经办人",
        "车主", "驾驶人", "驾驶员", "旅客", "乘客", "用户", "客户", "同住人", "家属", "姓名", "当事人",
        "申请人", "被申请人", "投保人", "被保险人", "受益人", "监护人", "委托人", "受托人", "嫌疑人",
        "证人", "职工", "员工", "学生", "医生", "护士", "医师", "记录人", "签字人", "报告人", "联络人",
        "租户", "房东", "业主", "借款人", "担保人", "收款人", "付款人", "户主", "死者", "伤者", "@",
    ].map(\.scalarValues)

    /// Titles that follow a name: 王先生, 李女士.
    static let titles: [[UInt32]] = ["先生", "女士", "小姐", "同志"].map(\.scalarValues)

    /// Words that cannot continue a given name; a name ends before them.
    static let stops: [[UInt32]] = [
        "登录", "登陆", "先生", "女士", "小姐", "同志", "老师", "医生", "电话", "手机", "联系", "身份", "证件",
        "护照", "驾驶", "确诊", "出现", "前往", "回复", "已", "的", "在", "于", "是", "说", "称", "因", "和",
        "与", "及", "等", "到", "从", "为", "被", "将", "把", "向", "对", "给", "跟", "住", "现", "家", "男",
        "女", "开", "看", "收", "发", "来", "去", "乘", "持", "了", "也", "都", "还", "就", "请", "你", "我", "他", "她",
    ].map(\.scalarValues)

    /// Common words that start with a surname character but are not names, seen as
    /// whole fields in tables (column headers and values).
    static let commonWords: Set<UInt64> = Set(commonWordList.compactMap { key($0) })

    /// Packs a word of up to three scalars (21 bits each) into one integer, so looking a
    /// candidate up costs no allocation; longer words have no key.
    @inline(__always) static func key(_ w: some Collection<UInt32>) -> UInt64? {
        guard w.count <= 3 else { return nil }
        var k: UInt64 = 0
        for v in w { k = k << 21 | UInt64(v) }
        return k
    }

    /// Whether the scalars `t[i..<end]` are a common word.
    @inline(__always) static func isCommonWord(_ t: ScanText, _ i: Int, _ end: Int) -> Bool {
        guard end - i <= 3 else { return false }
        var k: UInt64 = 0
        for p in i..<end { k = k << 21 | UInt64(t[p]) }
        return commonWords.contains(k)
    }

    private static let commonWordList: [[UInt32]] = [
        "金额", "时间", "日期", "地址", "邮箱", "姓名", "电话", "手机", "备注", "状态", "车牌", "城市", "省份",
        "性别", "年龄", "民族", "职业", "单位", "部门", "国籍", "文化", "高铁", "安全", "平台", "信息",
        "国家", "原因", "明细", "文件", "成功", "失败", "正常", "异常", "完成", "合计", "总计", "通过",
        "有效", "无效", "汉族", "高中", "初中", "小学", "大学", "本科", "硕士", "博士", "公司", "银行",
        "车型", "车主", "周末", "陈列", "李子", "林业", "林业局", "和平", "平安", "国际", "海外", "海关",
        "明天", "时候", "万元", "元旦", "石油", "黄金", "白色", "黑色", "红色", "蓝色", "金色", "银色",
        "方式", "方法", "关系", "关于", "程序", "管理", "管理员", "计划", "计算", "项目", "支付", "包裹",
        "宁波", "常州", "温州", "苏州", "杭州", "广州", "福州", "郑州", "兰州", "贵州", "徐州", "柳州",
        "江苏", "江西", "湖南", "云南", "海南", "安徽", "甘肃", "广东", "广西", "吉林", "上海", "北京",
        "天津", "重庆", "武汉", "成都", "西安", "南京", "长沙", "昆明", "南宁", "沈阳", "哈尔滨", "石家庄",
        "未知", "其他", "全部", "通用", "普通", "司机", "商户", "商品", "卫生", "宋体", "楷体", "黎明",
    ].map(\.scalarValues)

    /// Last characters of organisation, place and object words, which names do not end in.
    static let nonNameEndings: Set<UInt32> = Set("省市区县州镇乡村路街道局院所司部厅站店厂行馆园队委会处科组室号楼业品费率额期间码型类度表单证卡户号址箱机".scalarValues)
}
