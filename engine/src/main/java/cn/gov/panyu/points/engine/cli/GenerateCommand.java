package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code points generate}: deterministic synthetic Panyu data for demos and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"生成模拟的番禺区企业数据（同一种子结果相同），用于演示和基准测试。",
                "Generates synthetic Panyu enterprise data, deterministic for a seed."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "企业数 (number of enterprises)")
    int count;

    @Option(names = "--seed", defaultValue = "2025", paramLabel = "S", description = "随机种子 (seed), 缺省 ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--year", paramLabel = "Y", description = "数据年度，缺省为上一年 (data year; default: last year)")
    Integer year;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出 CSV 文件 (output CSV)")
    Path out;

    @Option(names = "--cultivation", description = "同时生成高企/科小预评估所需的可选列（资产总额、科技人员数等）；评价输入列不变 "
            + "(also write the optional pre-assessment columns; the scoring columns stay the same)")
    boolean cultivation;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            spec.commandLine().getErr().println("--count 须为正整数 (must be positive): " + count);
            return PointsCli.INVALID_INPUT;
        }
        int y = year == null ? Year.now().getValue() - 1 : year;
        if (y < SyntheticDistrict.FIRST_YEAR || y > SyntheticDistrict.LAST_YEAR) {
            spec.commandLine().getErr().printf("--year 须在 %d 到 %d 之间 (year out of range): %d%n",
                    SyntheticDistrict.FIRST_YEAR, SyntheticDistrict.LAST_YEAR, y);
            return PointsCli.INVALID_INPUT;
        }
        long started = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            new SyntheticDistrict(seed, y).writeCsv(count, os, cultivation);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "已生成 %,d 家企业的模拟数据 (generated, seed %d, year %d) → %s (%.1f s)%n",
                count, seed, y, out, (System.nanoTime() - started) / 1e9);
        return PointsCli.OK;
    }
}
