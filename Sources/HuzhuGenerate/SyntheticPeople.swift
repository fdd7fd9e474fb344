import Foundation

/// A reproducible random source (xorshift64*), so the same seed always yields the same data.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// Picks by weight: `[("hotline", 60), ("visit", 12)]`.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = int(0..<items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    mutating func uuid() -> UUID {
        let (a, b) = (next(), next())
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: a >> (8 * index))
            bytes[index + 8] = UInt8(truncatingIfNeeded: b >> (8 * index))
        }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                           bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// Plausible people and places for synthetic data.
enum SyntheticPeople {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅小红小军玉兰凤英文斌宇浩鹏飞春梅桂芳金凤德明振华永强")
    static let provinces = ["河南", "四川", "安徽", "湖南", "湖北", "江西", "贵州", "广西", "河北", "山东", "甘肃", "重庆"]
    static let industries = ["建筑", "制造业", "家政", "物流", "餐饮", "电子", "服装", "环卫"]

    static func name(_ random: inout SeededRandom) -> String {
        var name = String(random.pick(surnames)) + String(random.pick(given))
        if random.chance(60) { name += String(random.pick(given)) }
        return name
    }

    /// A mobile number with a plausible prefix; `index` keeps it unique within a run.
    static func phone(_ index: Int, _ random: inout SeededRandom) -> String {
        let prefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "186", "187", "188"]
        // 48,271 is prime to 10^8, so index × 48,271 mod 10^8 never repeats: each worker a different number.
        return random.pick(prefixes) + String(format: "%08d", index &* 48_271 % 100_000_000)
    }
}
