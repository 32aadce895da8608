/// Chinese family names: the common single-character surnames, which cover the great
/// majority of the population, and the compound surnames still in use.
enum Surnames {
    /// Single-character surnames.
    static let single: Set<UInt32> = Set((
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由凤洪沃訾蔚汝萧赖钮翦谯琚蓟弓隗鄂郦宓郗蓬桓仉督岳帅缑亓况郈有琴商牟佴伯赏墨哈谯笪年爱阳佟"
    ).scalarValues)

    /// Compound (two-character) surnames.
    static let compound: [[UInt32]] = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
        "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "百里", "呼延", "东郭", "澹台",
        "公冶", "太史", "申屠", "闻人", "万俟", "濮阳", "赫连", "拓跋", "第五", "左丘", "司空",
    ].map(\.scalarValues)

    /// Length of the surname starting at `i` (2 for a compound surname), or 0.
    static func length(_ t: ScanText, at i: Int) -> Int {
        let f = t.flags(i)
        if f & CharacterClasses.compoundSurnameInitial != 0 {
            for c in compound where t.matches(c, at: i) { return 2 }
        }
        return f & CharacterClasses.surname != 0 ? 1 : 0
    }
}
