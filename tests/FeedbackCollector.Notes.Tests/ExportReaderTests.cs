using FeedbackCollector.Core.Notes;

namespace FeedbackCollector.Notes.Tests;

public class ExportReaderTests
{
    private const string Forms =
        "ID,Start time,Completion time,Email,Name,How safe do you feel?,What would make things better?,\"Anything else, at all?\"\n" +
        "1,15/03/2026 10:01,15/03/2026 10:05,anonymous,,Safe,More youth clubs open late at night,No\n" +
        "2,16/03/2026 11:00,16/03/2026 11:09,anonymous,,Safe,Buses that actually turn up on time,The park lights are broken\n" +
        "3,17/03/2026 09:00,17/03/2026 09:03,anonymous,,Unsafe,,\n" +
        "4,20/03/2026 14:00,20/03/2026 14:30,anonymous,,Safe,Someone to talk to at school who listens,\n";

    [Fact]
    public void Forms_export_detects_the_date_and_text_columns()
    {
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(Forms), ExportTool.MicrosoftForms);
        var sel = SurveyExportReader.Select(table, ExportTool.MicrosoftForms, null, null, null);
        Assert.Equal("Completion time", sel.DateColumn.Name);
        Assert.Equal(["What would make things better?"], sel.TextColumns.Select(c => c.Name));
        Assert.True(sel.DayFirst);
        var rows = SurveyExportReader.ReadRows(table, sel);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 10, 5, 0, TimeSpan.Zero), rows[0].ReceivedUtc);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("what-would-make-things-better", rows[0].Texts[0].QuestionId);
    }

    [Fact]
    public void Columns_can_be_picked_by_number_and_by_names_with_commas()
    {
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(Forms), ExportTool.MicrosoftForms);
        var sel = SurveyExportReader.Select(table, ExportTool.MicrosoftForms, "7,Anything else, at all?", "2", null);
        Assert.Equal([7, 8], sel.TextColumns.Select(c => c.Number));
        Assert.Equal("Start time", sel.DateColumn.Name);
        var rows = SurveyExportReader.ReadRows(table, sel);
        Assert.Equal(2, rows[0].Texts.Count);
    }

    [Fact]
    public void Identity_columns_are_never_imported()
    {
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(Forms), ExportTool.MicrosoftForms);
        var ex = Assert.Throws<ExportFormatException>(() => SurveyExportReader.Select(table, ExportTool.MicrosoftForms, "Email", null, null));
        Assert.Contains("identity", ex.Message);
    }

    [Fact]
    public void Google_forms_timestamps_with_gmt_offsets_are_read()
    {
        const string csv = "Timestamp,Email Address,Your idea\n\"2026/03/15 10:22:33 AM GMT\",a@b.c,A quiet room at the library for homework\n\"2026/06/01 9:00:00 PM GMT+1\",,Cheaper swimming for under 16s please\n";
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(csv), ExportTool.GoogleForms);
        var sel = SurveyExportReader.Select(table, ExportTool.GoogleForms, null, null, null);
        Assert.Equal(["Your idea"], sel.TextColumns.Select(c => c.Name));
        var rows = SurveyExportReader.ReadRows(table, sel);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 10, 22, 33, TimeSpan.Zero), rows[0].ReceivedUtc);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 20, 0, 0, TimeSpan.Zero), rows[1].ReceivedUtc);
    }

    [Fact]
    public void SurveyMonkey_two_header_rows_are_joined()
    {
        const string csv =
            "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,Which clubs do you go to?,,What should change?\n" +
            ",,,,,,,,,Football,Drama,Open-Ended Response\n" +
            "1001,55,03/10/2026 09:00:00 AM,03/14/2026 09:10:00 AM,1.2.3.4,,,,,Football,,More people who listen to what we say\n" +
            "1002,55,03/10/2026 09:00:00 AM,03/15/2026 01:10:00 PM,1.2.3.5,,,,,,Drama,Safer walk home from the centre\n";
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(csv), ExportTool.SurveyMonkey);
        Assert.Equal("Which clubs do you go to? - Drama", table.Columns[10].Name);
        var sel = SurveyExportReader.Select(table, ExportTool.SurveyMonkey, null, null, null);
        Assert.Equal("End Date", sel.DateColumn.Name);
        Assert.False(sel.DayFirst);
        Assert.Equal(["What should change?"], sel.TextColumns.Select(c => c.Name));
        var rows = SurveyExportReader.ReadRows(table, sel);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 13, 10, 0, TimeSpan.Zero), rows[1].ReceivedUtc);
        Assert.Equal(4, rows[1].Line);
    }

    [Fact]
    public void Unreadable_dates_name_their_lines()
    {
        const string csv = "Timestamp,Idea\nyesterday,Longer opening hours for the youth club\n";
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(csv), ExportTool.GoogleForms);
        var sel = SurveyExportReader.Select(table, ExportTool.GoogleForms, "Idea", null, null);
        var ex = Assert.Throws<ExportFormatException>(() => SurveyExportReader.ReadRows(table, sel));
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void An_exact_date_format_is_used_when_given()
    {
        Assert.True(SurveyExportReader.TryParseDate("15.03.2026 10:05", true, "dd.MM.yyyy HH:mm", out var d));
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 10, 5, 0, TimeSpan.Zero), d);
    }

    [Fact]
    public void Mixed_day_and_month_first_dates_are_refused()
    {
        const string csv = "Timestamp,Idea\n13/01/2026 10:00,Longer opening hours for the youth club\n01/13/2026 10:00,Cheaper swimming lessons for all of us\n";
        var table = SurveyExportReader.ReadTable(TestFiles.Utf8(csv), ExportTool.GoogleForms);
        Assert.Throws<ExportFormatException>(() => SurveyExportReader.Select(table, ExportTool.GoogleForms, "Idea", null, null));
    }

    [Fact]
    public void A_surveymonkey_file_with_one_header_row_is_refused()
    {
        Assert.Throws<ExportFormatException>(() => SurveyExportReader.ReadTable(TestFiles.Utf8("Respondent ID\n"), ExportTool.SurveyMonkey));
    }
}
