package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.input.TemplateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code points template --out FILE}: the Excel template staff fill in. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"生成企业数据填报模板（Excel，中文表头）。", "Writes the Excel input template (Chinese headers)."})
final class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "模板文件 (.xlsx)")
    Path out;

    @Option(names = "--cultivation", description = {"加上高企/科小预评的可选列（供 cultivation 命令使用）。",
            "Adds the optional columns the cultivation command reads."})
    boolean cultivation;

    @Override
    public Integer call() throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            TemplateWriter.writeXlsxTemplate(os, cultivation);
        }
        spec.commandLine().getOut().println("已生成填报模板 (template written): " + out);
        return PointsCli.OK;
    }
}
