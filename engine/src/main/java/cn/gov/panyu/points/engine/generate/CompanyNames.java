package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.model.Stage;

import java.util.SplittableRandom;

/**
 * Company names the way they are registered in Guangzhou: 行政区划 + 字号 + 行业表述 + 组织形式,
 * e.g. 广州市鑫达电子科技有限公司, 广州博睿鼎新软件有限公司, 广州番禺锐腾源汽车零部件有限公司.
 *
 * <p>The business word comes from the enterprise's own industry, so a name never contradicts its code.
 * Trade names (字号) are composed from auspicious characters or two-character words. The lists are long
 * because a million names must repeat only rarely (a registry would refuse a duplicate; the engine must
 * not care, so a few are fine), while the short, ordinary forms still dominate a small sample.
 */
final class CompanyNames {

    /** The longest name in parts: city, up to three trade-name parts, business word, legal form. */
    static final int MAX_PARTS = 6;

    private static final Word[] CITY = Word.list("广州 广州市 广州番禺");
    private static final Word[] CHARS = Word.characters("""
            华鑫盛恒博瑞泰宏嘉创联信德天金富凯腾星海润永兴昌顺祥安康佳丰卓骏锦誉智睿明启晟拓奥汇粤南东新宇景弘正\
            立力远诚益和美达通源发隆科威诺盈辉扬峰锐迅讯捷成晖航豪鹏耀业越轩晨怡翔驰朗途域芯邦迪泽林亿宝鼎冠光浩\
            皓鸿骅建杰晋精聚君俊坤乐利良灵龙伦迈茂铭纳宁品普奇麒荣森尚升胜舒硕思松维伟文沃希晓欣旭雅亚艺毅逸英优\
            裕跃云展臻至志众尊澜钧琪璟煜熙昊曜锋峻岚霖""");
    /** Character pairs that would pass a synthetic firm off as a well-known real one. */
    private static final String FAMOUS = """
            腾讯 华润 海信 康佳 创维 宇通 华泰 信达 华发 宝龙 鸿海 金龙 亚信 华信 光明 富力 龙光 立邦 迈瑞 达安
            金域 宁德 海康 汇丰 兴业 恒瑞""";
    /** {@code AWKWARD[i][j]}: character j must not follow character i (a repeat like 华华, or a famous brand). */
    private static final boolean[][] AWKWARD = awkwardPairs();
    private static final Word[] WORDS = Word.list("""
            博睿 鼎新 粤芯 番科 珠光 禺峰 星河 灵犀 汇智 华创 启明 天工 远航 智联 宏图 金穗 南粤 岭南 羊城 鹏程
            骏达 瑞丰 嘉诚 卓越 领航 云帆 海川 宇辰 晨曦 明德 致远 精工 顺景 丰盈 和盛 永利 长青 万邦 正元 泰和
            立德 维康 安泰 盈科 锐思 奥德 凯瑞 昊天 德润 广粤 腾越 亿达 新宇 星辰 瑞华 银河 莲花 禺山 沙湾 大石
            南村 钟村 洛浦 番山 翠湖 青蓝 湾区 穗港 粤港 联创 科睿 智远 思创 融创 芯源 睿通 恒通 东方 南方 朝阳
            旭日 金桥 银桥 长风 清泉 碧水 蓝天 紫荆 木棉 红棉 丹青 翰林 书香 金鼎 玉龙 宝华 九州 四海 八方 千帆
            百川 万象 同创 共赢 合众 协力 先锋 前沿 未来 新元 启航 筑梦 追光 逐浪 乘风 远景 华夏 神州 天成 地利
            人和 天宇 星海 光年 量子 原力 极光 北辰 南星 东旭 西岭 中和 众诚 德馨 厚德 明志 立信 守正 笃行 致新
            求是 格物 知行 博雅 弘毅 精诚 至善 睿智 卓识 远见 匠心 初心 恒心 同心 齐心 聚力""");
    private static final Word LIMITED = Word.of("有限公司");
    private static final Word JOINT_STOCK = Word.of("股份有限公司");
    private static final Word LIMITED_LIABILITY = Word.of("有限责任公司");

    private CompanyNames() {
    }

    /** Writes the parts of one name into {@code parts} and returns how many there are. */
    static int compose(SplittableRandom rnd, IndustryProfile industry, Stage stage, Word[] parts) {
        int n = 0;
        double city = rnd.nextDouble();
        // "广州市" is the older registration habit, "广州番禺" a local flavour; plain "广州" is most common now
        parts[n++] = CITY[city < 0.78 ? 0 : city < 0.92 ? 1 : 2];

        double form = rnd.nextDouble();
        if (form < 0.10) {
            // two characters: the most ordinary names, but the fewest combinations, hence the small share
            int first = rnd.nextInt(CHARS.length);
            parts[n++] = CHARS[first];
            parts[n++] = CHARS[follower(rnd, first, -1)];
        } else if (form < 0.80) {
            int first = rnd.nextInt(CHARS.length);
            int second = follower(rnd, first, -1);
            parts[n++] = CHARS[first];
            parts[n++] = CHARS[second];
            parts[n++] = CHARS[follower(rnd, second, first)];
        } else if (form < 0.92) {
            int first = rnd.nextInt(WORDS.length);
            int second = rnd.nextInt(WORDS.length - 1);
            parts[n++] = WORDS[first];
            parts[n++] = WORDS[second >= first ? second + 1 : second]; // never the same word twice
        } else {
            Word word = WORDS[rnd.nextInt(WORDS.length)];
            Word last = CHARS[rnd.nextInt(CHARS.length)];
            while (word.text().endsWith(last.text())) {
                last = CHARS[rnd.nextInt(CHARS.length)];
            }
            parts[n++] = word;
            parts[n++] = last;
        }

        parts[n++] = industry.businessWord(rnd.nextDouble());

        double legal = rnd.nextDouble();
        // joint-stock companies are mostly the large ones (listed or preparing to list)
        double jointStock = switch (stage) {
            case STARTUP -> 0.01;
            case GROWTH -> 0.06;
            case MATURE -> 0.35;
        };
        parts[n++] = legal < jointStock ? JOINT_STOCK : legal < jointStock + 0.03 ? LIMITED_LIABILITY : LIMITED;
        return n;
    }

    /** A character that reads well after {@code previous} and differs from {@code avoid} (华盛华 stutters). */
    private static int follower(SplittableRandom rnd, int previous, int avoid) {
        int next = rnd.nextInt(CHARS.length);
        while (AWKWARD[previous][next] || next == avoid) {
            next = rnd.nextInt(CHARS.length);
        }
        return next;
    }

    private static boolean[][] awkwardPairs() {
        boolean[][] awkward = new boolean[CHARS.length][CHARS.length];
        for (int i = 0; i < CHARS.length; i++) {
            awkward[i][i] = true;
        }
        for (String pair : FAMOUS.trim().split("\\s+")) {
            int first = indexOf(pair.substring(0, 1));
            int second = indexOf(pair.substring(1, 2));
            if (first >= 0 && second >= 0) {
                awkward[first][second] = true;
            }
        }
        return awkward;
    }

    private static int indexOf(String character) {
        for (int i = 0; i < CHARS.length; i++) {
            if (CHARS[i].text().equals(character)) {
                return i;
            }
        }
        return -1;
    }

    /** For tests: every word a name can be made of. */
    static Word[][] wordLists() {
        return new Word[][] {CITY, CHARS, WORDS, {LIMITED, JOINT_STOCK, LIMITED_LIABILITY}};
    }
}
