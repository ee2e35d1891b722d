// SPDX-License-Identifier: GPL-3.0-or-later
// The data tables of tst_hclwriter: every edit kind with the exact bytes it must give.
#include "tst_hclwriter.h"

#include <QtTest>

namespace EnvDeck::HclTest {

namespace {

using Op = WriterEdit::Op;

const QByteArray Bom = "\xEF\xBB\xBF";

WriterEdit set(const char *path, const QByteArray &name, const QByteArray &value)
{
    return WriterEdit{Op::Set, QString::fromUtf8(path), name, value, {}, 0, 0};
}

WriterEdit remove(const char *path, const QByteArray &name)
{
    return WriterEdit{Op::Remove, QString::fromUtf8(path), name, {}, {}, 0, 0};
}

WriterEdit addBlock(const char *path, const QByteArray &type, const QByteArray &labels,
                    const QByteArray &body)
{
    return WriterEdit{Op::AddBlock, QString::fromUtf8(path), type, labels, body, 0, 0};
}

WriterEdit removeBlock(const char *path)
{
    return WriterEdit{Op::RemoveBlock, QString::fromUtf8(path), {}, {}, {}, 0, 0};
}

WriterEdit rename(const char *path, int index, const QByteArray &label)
{
    return WriterEdit{Op::Rename, QString::fromUtf8(path), {}, label, {}, index, 0};
}

WriterEdit at(Op op, const char *path, const QByteArray &name, int line, int column,
              const QByteArray &arg, const QByteArray &arg2 = {})
{
    return WriterEdit{op, QString::fromUtf8(path), name, arg, arg2, line, column};
}

void ok(const char *tag, const QByteArray &source, const WriterEdit &edit,
        const QByteArray &expected)
{
    QTest::newRow(tag) << source << edit << expected;
}

void refused(const char *tag, const QByteArray &source, const WriterEdit &edit, const char *error)
{
    QTest::newRow(tag) << source << edit << QString::fromUtf8(error);
}

const QByteArray Vpc = "module \"vpc\" {\n"
                       "  source  = \"./vpc\"\n"
                       "  version = \"1.0.0\" # pinned\n"
                       "}\n";

const QByteArray Locals3 = "locals {\n"
                           "  a = 1\n"
                           "  b = 2 # two\n"
                           "  c = 3\n"
                           "}\n";

const QByteArray Modules3 = "module \"a\" {\n}\n\n"
                            "module \"b\" {\n  x = 1\n}\n\n"
                            "module \"c\" {\n}\n";

void addSetRows()
{
    ok("set: replaces only the value, keeps the comment", Vpc,
       set("module \"vpc\"", "version", "\"1.1.0\""),
       "module \"vpc\" {\n  source  = \"./vpc\"\n  version = \"1.1.0\" # pinned\n}\n");
    ok("set: new attribute aligned like its neighbours", Vpc,
       set("module \"vpc\"", "cidr", "\"10.0.0.0/16\""),
       "module \"vpc\" {\n  source  = \"./vpc\"\n  version = \"1.0.0\" # pinned\n"
       "  cidr    = \"10.0.0.0/16\"\n}\n");
    ok("set: a longer name re-aligns the group", Vpc, set("module \"vpc\"", "enable_nat", "true"),
       "module \"vpc\" {\n  source     = \"./vpc\"\n  version    = \"1.0.0\" # pinned\n"
       "  enable_nat = true\n}\n");
    ok("set: unaligned neighbours, single spaces", "a = 1\nlonger = 2\n", set("", "b", "3"),
       "a = 1\nlonger = 2\nb = 3\n");
    ok("set: one canonical neighbour is a group", "locals {\n  a = 1\n}\n",
       set("locals", "bbb", "2"), "locals {\n  a   = 1\n  bbb = 2\n}\n");
    ok("set: after the attributes, before nested blocks",
       "resource \"x\" \"y\" {\n  a = 1\n\n  lifecycle {\n    create_before_destroy = true\n  "
       "}\n}\n",
       set("resource \"x\" \"y\"", "b", "2"),
       "resource \"x\" \"y\" {\n  a = 1\n  b = 2\n\n  lifecycle {\n"
       "    create_before_destroy = true\n  }\n}\n");
    ok("set: only blocks, goes above them and their comment",
       "resource \"x\" \"y\" {\n  # rules\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n",
       set("resource \"x\" \"y\"", "count", "1"),
       "resource \"x\" \"y\" {\n  count = 1\n\n  # rules\n  lifecycle {\n"
       "    prevent_destroy = true\n  }\n}\n");
    ok("set: empty multi-line block", "terraform {\n}\n",
       set("terraform", "required_version", "\">= 1.5\""),
       "terraform {\n  required_version = \">= 1.5\"\n}\n");
    ok("set: empty braces are expanded", "terraform {}\n",
       set("terraform", "required_version", "\">= 1.5\""),
       "terraform {\n  required_version = \">= 1.5\"\n}\n");
    ok("set: one-line block edited in place", "variable \"x\" { default = 1 }\n",
       set("variable \"x\"", "default", "2"), "variable \"x\" { default = 2 }\n");
    ok("set: adding to a one-line block expands it", "variable \"x\" { default = 1 }\n",
       set("variable \"x\"", "type", "number"),
       "variable \"x\" {\n  default = 1\n  type = number\n}\n");
    ok("set: one-line block with a value spanning lines is expanded",
       "variable \"x\" { default = [\n  1,\n] }\n", set("variable \"x\"", "type", "list(number)"),
       "variable \"x\" {\n  default = [\n  1,\n]\n  type = list(number)\n}\n");
    ok("set: CRLF file stays CRLF", "locals {\r\n  a = 1\r\n}\r\n", set("locals", "b", "2"),
       "locals {\r\n  a = 1\r\n  b = 2\r\n}\r\n");
    ok("set: no final newline stays without", "a = 1\nb = 2", set("", "c", "3"),
       "a = 1\nb = 2\nc = 3");
    ok("set: byte order mark kept", Bom + "a = 1\n", set("", "b", "2"), Bom + "a = 1\nb = 2\n");
    ok("set: tab indentation copied", "locals {\n\ta = 1\n}\n", set("locals", "b", "2"),
       "locals {\n\ta = 1\n\tb = 2\n}\n");
    ok("set: empty block indented with the file's unit", "locals {\n\ta = 1\n}\n\nterraform {\n}\n",
       set("terraform", "x", "1"), "locals {\n\ta = 1\n}\n\nterraform {\n\tx = 1\n}\n");
    ok("set: heredoc value replaced by a string",
       "locals {\n  script = <<EOT\necho hi\nEOT\n  name = \"a\"\n}\n",
       set("locals", "script", "\"x\""), "locals {\n  script = \"x\"\n  name = \"a\"\n}\n");
    ok("set: heredoc as new value", "locals {\n  a = 1\n}\n",
       set("locals", "script", "<<EOT\necho hi\nEOT"),
       "locals {\n  a      = 1\n  script = <<EOT\necho hi\nEOT\n}\n");
    ok("set: after a value spanning lines", "locals {\n  tags = {\n    a = 1\n  }\n}\n",
       set("locals", "b", "2"), "locals {\n  tags = {\n    a = 1\n  }\n  b = 2\n}\n");
    ok("set: replaces a value spanning lines", "locals {\n  list = [\n    1,\n  ]\n  x = 1\n}\n",
       set("locals", "list", "[3]"), "locals {\n  list = [3]\n  x = 1\n}\n");
    ok("set: after a trailing comment", "locals {\n  a = 1 # one\n}\n", set("locals", "b", "2"),
       "locals {\n  a = 1 # one\n  b = 2\n}\n");
    ok("set: nested block path",
       "module \"vpc\" {\n  source = \"./vpc\"\n\n  lifecycle {\n    ignore_changes = []\n  }\n}\n",
       set("module \"vpc\"/lifecycle", "ignore_changes", "[tags]"),
       "module \"vpc\" {\n  source = \"./vpc\"\n\n  lifecycle {\n    ignore_changes = [tags]\n  "
       "}\n}\n");
    ok("set: empty file", "", set("", "a", "1"), "a = 1\n");
    ok("set: file with only a comment", "# header\n", set("", "a", "1"), "# header\na = 1\n");
    ok("set: comment before the name survives", "locals {\n  /* keep */ a = 1\n}\n",
       set("locals", "a", "2"), "locals {\n  /* keep */ a = 2\n}\n");
    ok("set: a multi-line value is indented like its line", "locals {\r\n  a = 1\r\n}\r\n",
       set("locals", "tags", "{\n  x = 1\n}"),
       "locals {\r\n  a    = 1\r\n  tags = {\r\n    x = 1\r\n  }\r\n}\r\n");
    ok("set: a multi-line value already indented is kept", "locals {\n  a = 1\n}\n",
       set("locals", "a", "[\n    1,\n  ]"), "locals {\n  a = [\n    1,\n  ]\n}\n");
    ok("set: heredoc lines are not indented", "locals {\n  a = 1\n}\n",
       set("locals", "a", "<<EOT\nx\n  y\nEOT"), "locals {\n  a = <<EOT\nx\n  y\nEOT\n}\n");
    ok("set: template value", "a = 1\n", set("", "a", "\"${var.x}-1\""), "a = \"${var.x}-1\"\n");
}

void addRemoveRows()
{
    ok("remove: middle, with its comment", Locals3, remove("locals", "b"),
       "locals {\n  a = 1\n  c = 3\n}\n");
    ok("remove: first", Locals3, remove("locals", "a"), "locals {\n  b = 2 # two\n  c = 3\n}\n");
    ok("remove: last", Locals3, remove("locals", "c"), "locals {\n  a = 1\n  b = 2 # two\n}\n");
    ok("remove: only", "locals {\n  a = 1\n}\n", remove("locals", "a"), "locals {\n}\n");
    ok("remove: no double blank line", "a = 1\n\nb = 2\n\nc = 3\n", remove("", "b"),
       "a = 1\n\nc = 3\n");
    ok("remove: last, with the blank line before", "a = 1\n\nb = 2\n", remove("", "b"), "a = 1\n");
    ok("remove: first, with the blank line after", "a = 1\n\nb = 2\n", remove("", "a"), "b = 2\n");
    ok("remove: value spanning lines", "locals {\n  a = [\n    1,\n  ]\n  b = 2\n}\n",
       remove("locals", "a"), "locals {\n  b = 2\n}\n");
    ok("remove: heredoc", "locals {\n  s = <<-EOT\n    hi\n  EOT\n  b = 2\n}\n",
       remove("locals", "s"), "locals {\n  b = 2\n}\n");
    ok("remove: comment line above stays", "# about a\na = 1\nb = 2\n", remove("", "a"),
       "# about a\nb = 2\n");
    ok("remove: from a one-line block", "variable \"x\" { default = 1 }\n",
       remove("variable \"x\"", "default"), "variable \"x\" {}\n");
    ok("remove: first, after a comment on the brace line", "locals { # c\n  a = 1\n\n  b = 2\n}\n",
       remove("locals", "a"), "locals { # c\n  b = 2\n}\n");
    ok("remove: one-line block value spanning lines", "variable \"x\" { default = [\n  1,\n] }\n",
       remove("variable \"x\"", "default"), "variable \"x\" {}\n");
    ok("remove: with a comment before it on its line", "locals {\n  /* a */ a = 1\n  b = 2\n}\n",
       remove("locals", "a"), "locals {\n  b = 2\n}\n");
    ok("remove: last line without final newline", "a = 1\nb = 2", remove("", "b"), "a = 1");
    ok("remove: CRLF", "a = 1\r\nb = 2\r\nc = 3\r\n", remove("", "b"), "a = 1\r\nc = 3\r\n");
    ok("remove: CRLF without final newline", "a = 1\r\nb = 2", remove("", "b"), "a = 1");
    ok("remove: first line after the byte order mark", Bom + "a = 1\nb = 2\n", remove("", "a"),
       Bom + "b = 2\n");
}

void addBlockRows()
{
    ok("addBlock: top level after a blank line", "module \"a\" {\n  source = \"./a\"\n}\n",
       addBlock("", "module", "b", "source = \"./b\""),
       "module \"a\" {\n  source = \"./a\"\n}\n\nmodule \"b\" {\n  source = \"./b\"\n}\n");
    ok("addBlock: nested, indented", "resource \"x\" \"y\" {\n  a = 1\n}\n",
       addBlock("resource \"x\" \"y\"", "lifecycle", "", "create_before_destroy = true\n"),
       "resource \"x\" \"y\" {\n  a = 1\n\n  lifecycle {\n    create_before_destroy = true\n"
       "  }\n}\n");
    ok("addBlock: body re-indented", "locals {\n  a = 1\n}\n",
       addBlock("", "module", "m", "\n    a = 1\n    tags = {\n      x = 1\n    }\n"),
       "locals {\n  a = 1\n}\n\nmodule \"m\" {\n  a = 1\n  tags = {\n    x = 1\n  }\n}\n");
    ok("addBlock: heredoc lines kept", "resource \"x\" \"y\" {\n}\n",
       addBlock("resource \"x\" \"y\"", "provisioner", "local-exec",
                "command = <<EOT\n#!/bin/sh\n  echo hi\nEOT\n"),
       "resource \"x\" \"y\" {\n  provisioner \"local-exec\" {\n    command = <<EOT\n#!/bin/sh\n"
       "  echo hi\nEOT\n  }\n}\n");
    ok("addBlock: empty body", "terraform {\n}\n", addBlock("terraform", "backend", "s3", ""),
       "terraform {\n  backend \"s3\" {\n  }\n}\n");
    ok("addBlock: one-line parent is expanded", "variable \"x\" { default = 1 }\n",
       addBlock("variable \"x\"", "validation", "", "condition = true"),
       "variable \"x\" {\n  default = 1\n\n  validation {\n    condition = true\n  }\n}\n");
    ok("addBlock: no final newline stays without", "a = 1", addBlock("", "locals", "", "b = 2"),
       "a = 1\n\nlocals {\n  b = 2\n}");
    ok("addBlock: CRLF", "a = 1\r\n", addBlock("", "locals", "", "b = 2\n"),
       "a = 1\r\n\r\nlocals {\r\n  b = 2\r\n}\r\n");
    ok("addBlock: empty file", "", addBlock("", "locals", "", "b = 2"), "locals {\n  b = 2\n}\n");
    ok("addBlock: labels escaped", "a = 1\n", addBlock("", "module", "a\"b", ""),
       "a = 1\n\nmodule \"a\\\"b\" {\n}\n");
    ok("addBlock: two labels", "", addBlock("", "resource", "aws_s3_bucket,logs", "bucket = \"l\""),
       "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"l\"\n}\n");

    ok("removeBlock: middle, one blank line left", Modules3, removeBlock("module \"b\""),
       "module \"a\" {\n}\n\nmodule \"c\" {\n}\n");
    ok("removeBlock: last", Modules3, removeBlock("module \"c\""),
       "module \"a\" {\n}\n\nmodule \"b\" {\n  x = 1\n}\n");
    ok("removeBlock: first", Modules3, removeBlock("module \"a\""),
       "module \"b\" {\n  x = 1\n}\n\nmodule \"c\" {\n}\n");
    ok("removeBlock: nested only item",
       "resource \"x\" \"y\" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n",
       removeBlock("resource \"x\" \"y\"/lifecycle"), "resource \"x\" \"y\" {\n}\n");
    ok("removeBlock: nested after an attribute",
       "resource \"x\" \"y\" {\n  a = 1\n\n  lifecycle {\n  }\n}\n",
       removeBlock("resource \"x\" \"y\"/lifecycle"), "resource \"x\" \"y\" {\n  a = 1\n}\n");
    ok("removeBlock: one-line block", "variable \"x\" { default = 1 }\nvariable \"y\" {}\n",
       removeBlock("variable \"x\""), "variable \"y\" {}\n");
    ok("removeBlock: comment after the brace goes too", "locals {\n  a = 1\n} # end\nb = 2\n",
       removeBlock("locals"), "b = 2\n");
    ok("removeBlock: CRLF", "a = 1\r\n\r\nlocals {\r\n  b = 2\r\n}\r\n", removeBlock("locals"),
       "a = 1\r\n");

    ok("rename: quoted label", "module \"vpc\" {\n}\n", rename("module \"vpc\"", 0, "network"),
       "module \"network\" {\n}\n");
    ok("rename: unquoted label stays unquoted", "resource aws_s3_bucket logs {\n}\n",
       rename("resource aws_s3_bucket logs", 1, "audit"), "resource aws_s3_bucket audit {\n}\n");
    ok("rename: escaped", "module \"vpc\" {\n}\n", rename("module \"vpc\"", 0, "a\"b"),
       "module \"a\\\"b\" {\n}\n");
    ok("rename: second label", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"x\"\n}\n",
       rename("resource \"aws_s3_bucket\" \"logs\"", 1, "audit"),
       "resource \"aws_s3_bucket\" \"audit\" {\n  bucket = \"x\"\n}\n");
}

void addLocationRows()
{
    const QByteArray version = "module \"vpc\" {\n  version = \"1.0.0\"\n}\n";
    ok("replaceAt: a literal", version,
       at(Op::ReplaceAt, "module \"vpc\"", "version", 2, 13, "\"2.0.0\""),
       "module \"vpc\" {\n  version = \"2.0.0\"\n}\n");
    ok("replaceAt: the innermost expression", "locals {\n  a = var.x + 1\n}\n",
       at(Op::ReplaceAt, "locals", "a", 2, 7, "var.y"), "locals {\n  a = var.y + 1\n}\n");
    ok("replaceAt: inside a tuple", "locals {\n  a = [1, 2, 3]\n}\n",
       at(Op::ReplaceAt, "locals", "a", 2, 11, "20"), "locals {\n  a = [1, 20, 3]\n}\n");
    ok("replaceAt: a multi-line value", "a = {\n  x = 1\n}\n",
       at(Op::ReplaceAt, "", "a", 1, 5, "{ x = 2 }"), "a = { x = 2 }\n");
    ok("replaceAt: multi-line text indented like its line", "locals {\n  a = [1]\n}\n",
       at(Op::ReplaceAt, "locals", "a", 2, 7, "[\n  2,\n]"), "locals {\n  a = [\n    2,\n  ]\n}\n");
    ok("setStringAt: plain value", "locals {\n  region = \"eu-west-1\"\n}\n",
       at(Op::SetStringAt, "locals", "region", 2, 12, "us-east-1"),
       "locals {\n  region = \"us-east-1\"\n}\n");
    ok("setStringAt: escapes", "a = \"x\"\n",
       at(Op::SetStringAt, "", "a", 1, 5, "a\"b\\c ${x} %{y}\n"),
       "a = \"a\\\"b\\\\c $${x} %%{y}\\n\"\n");
    ok("setStringAt: in a CRLF file", "a = \"x\"\r\nb = 1\r\n",
       at(Op::SetStringAt, "", "a", 1, 5, "y"), "a = \"y\"\r\nb = 1\r\n");
    ok("replaceInString: a git ref",
       "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git?ref=v1.2.0\"\n}\n",
       at(Op::ReplaceInString, "module \"vpc\"", "source", 2, 12, "ref=v1.2.0", "ref=v1.3.0"),
       "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git?ref=v1.3.0\"\n}\n");
    ok("replaceInString: next to an interpolation", "a = \"${var.base}?ref=v1\"\n",
       at(Op::ReplaceInString, "", "a", 1, 5, "v1", "v2"), "a = \"${var.base}?ref=v2\"\n");
    ok("replaceRange: bytes inside a string", "a = \"v1\"\n",
       at(Op::ReplaceRange, "", "a", 5, 7, "v2"), "a = \"v2\"\n");
}

} // namespace

void addEditRows()
{
    addSetRows();
    addRemoveRows();
    addBlockRows();
    addLocationRows();
}

void addRefusedRows()
{
    const QByteArray twoModules = "module \"a\" {\n}\n\nmodule \"b\" {\n}\n";
    refused("unknown block", "module \"a\" {\n}\n", set("module \"vpc\"", "x", "1"),
            "main.tf: no block module \"vpc\" in main.tf");
    refused("unknown nested block", "module \"a\" {\n}\n", set("module \"a\"/lifecycle", "x", "1"),
            "main.tf:1:1: no block lifecycle in module \"a\"");
    refused("ambiguous path", "module \"a\" {\n}\nmodule \"a\" {\n}\n",
            set("module \"a\"", "x", "1"), "2 blocks module \"a\" in main.tf (lines 1, 3)");
    refused("expression does not parse", "a = 1\n", set("", "a", "1 +"), "invalid expression");
    refused("two expressions", "a = 1\n", set("", "b", "1\nc = 2"), "exactly one expression");
    refused("expression with a comment", "a = [x, y]\n", at(Op::ReplaceAt, "", "a", 1, 6, "1 # c"),
            "exactly one expression");
    refused("label index out of range", "module \"a\" {\n}\n", rename("module \"a\"", 3, "b"),
            "main.tf:1:1: block module \"a\" has 1 labels: there is no label 3");
    refused("unquoted label must stay an identifier", "resource aws_s3_bucket logs {\n}\n",
            rename("resource aws_s3_bucket logs", 1, "my logs"), "is not an identifier");
    refused("rename onto an existing block", twoModules, rename("module \"a\"", 0, "b"),
            "there is already a block module \"b\"");
    refused("remove a missing attribute", "locals {\n  a = 1\n}\n", remove("locals", "b"),
            "main.tf:1:1: no attribute b in locals");
    refused("no expression at the location", "a = 1\n", at(Op::ReplaceAt, "", "a", 1, 2, "2"),
            "main.tf:1:2: no expression starts here");
    refused("setStringAt on a number", "a = 1\n", at(Op::SetStringAt, "", "a", 1, 5, "x"),
            "main.tf:1:5: expected a quoted string, found `1`");
    refused("replaceInString: text not there", "a = \"v1\"\n",
            at(Op::ReplaceInString, "", "a", 1, 5, "v9", "v2"), "`v9` does not occur");
    refused("replaceInString: text twice", "a = \"v1-v1\"\n",
            at(Op::ReplaceInString, "", "a", 1, 5, "v1", "v2"), "`v1` occurs 2 times");
    refused("replaceInString: only in an interpolation", "a = \"${v1}\"\n",
            at(Op::ReplaceInString, "", "a", 1, 5, "v1", "v2"), "`v1` does not occur");
    refused("replaceRange breaks the file", "a = \"v1\"\n", at(Op::ReplaceRange, "", "a", 4, 5, ""),
            "the result would not parse");
    refused("replaceRange outside the file", "a = 1\n", at(Op::ReplaceRange, "", "a", 3, 99, ""),
            "is not inside the file");
    refused("operator precedence", "a = x * 2\n", at(Op::ReplaceAt, "", "a", 1, 9, "1 + 1"),
            "does not stand as one expression");
    refused("a traversal would swallow the following steps", "a = f(x).b\n",
            at(Op::ReplaceAt, "", "a", 1, 5, "y.z"), "does not stand as one expression");
    refused("block body does not parse", "", addBlock("", "locals", "", "a = "),
            "invalid body for block locals");
    refused("invalid block type", "", addBlock("", "1abc", "", ""), "not a valid block type");
    refused("an attribute named like a block", "resource \"x\" \"y\" {\n  lifecycle {\n  }\n}\n",
            set("resource \"x\" \"y\"", "lifecycle", "{}"),
            "main.tf:2:3: lifecycle is a block in resource \"x\" \"y\", not an attribute");
    refused("invalid attribute name", "a = 1\n", set("", "my name", "1"),
            "not a valid attribute name");
    refused("removeBlock with an empty path", "a = 1\n", removeBlock(""), "the path is empty");
    refused("removeBlock of a missing block", Modules3, removeBlock("module \"d\""),
            "no block module \"d\" in main.tf");
}

} // namespace EnvDeck::HclTest
