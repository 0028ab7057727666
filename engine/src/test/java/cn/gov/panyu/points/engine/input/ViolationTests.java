package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViolationTests {

    @Test
    void readsLikeASentenceInBothLanguages() {
        Violation v = new Violation(12, "rd_staff", "35", "不得大于职工总数(employees)", "must not exceed employees");
        assertThat(v.toChinese()).isEqualTo("第 12 行，列「研发人员数(rd_staff)」，值「35」：不得大于职工总数(employees)");
        assertThat(v.toEnglish()).isEqualTo("row 12, column rd_staff, value \"35\": must not exceed employees");
    }

    @Test
    void aColumnWithoutFieldIsShownAsItsLetter() {
        Violation v = new Violation(1, "AB", "备注", "未知的列名", "unknown column name");
        assertThat(v.toChinese()).isEqualTo("第 1 行，列「AB」，值「备注」：未知的列名");
        assertThat(v.toEnglish()).isEqualTo("row 1, column AB, value \"备注\": unknown column name");
    }

    @Test
    void aMissingColumnHasNoValue() {
        Violation v = new Violation(1, "employees", null, "缺少必填列", "required column is missing");
        assertThat(v.toChinese()).isEqualTo("第 1 行，列「职工总数(employees)」：缺少必填列");
        assertThat(v.toEnglish()).isEqualTo("row 1, column employees: required column is missing");
    }

    @Test
    void anEmptyCellShowsAnEmptyValue() {
        Violation v = new Violation(3, "name", "", "必填项不能为空", "is required");
        assertThat(v.toChinese()).isEqualTo("第 3 行，列「企业名称(name)」，值「」：必填项不能为空");
    }

    @Test
    void row0IsTheWholeFile() {
        Violation v = new Violation(0, "", null, "文件为空", "the file is empty");
        assertThat(v.toChinese()).isEqualTo("文件：文件为空");
        assertThat(v.toEnglish()).isEqualTo("file: the file is empty");
        assertThat(new Violation(0, null, null, "x", "y").column()).isEmpty();
    }
}
