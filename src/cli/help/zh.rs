//! 命令行帮助（简体中文）。

use super::{Cmd, Frame, Help};

pub static FRAME: Frame = Frame {
    usage: "用法：",
    arguments: "参数",
    options: "选项",
    commands: "命令",
    help: "显示帮助",
    version: "显示版本",
    help_command: "说明一个命令，附例子",
};

const SCHOOL: &str = "学校文件，如 demo.school.ron";
const PLAN: &str = "方案文件，如 demo.plan.ron";
const PLAN_UPDATED: &str = "方案文件，如 demo.plan.ron；会被更新";
const DATE: &str = "日期，如 2026-09-08（也可写 2026-9-8 或 2026/9/8）";
const POST: &str = "岗位编号，见 kehou roster 的“岗位编号”一栏";
const OUT: &str = "代谁的岗位：请假人的姓名或编号（不写则为该岗位缺的人）";

pub fn help(cmd: Cmd) -> Help {
    match cmd {
        Cmd::Root => Help {
            about: "为学校排课后服务值班表",
            long_about: "\
kehou 为学校排课后服务的值班表：谁看护哪个托管班，哪个社团在哪里活动，
谁留下负责弹性离校，每天由谁担任值班领导。

一所学校写在一个文件里（名称.school.ron）：学期、作息时间表、教职工、场地、
班级和社团（见 docs/data-format.md）。先按下面的例子生成一所演示学校并检查它。
kehou 说的一切都可以是中文或英文：--lang zh 或 en，否则按系统语言环境
（LC_ALL、LC_MESSAGES、LANG：zh 开头为中文，其他为英文），都没有时为中文。",
            examples: "\
例子：
  kehou demo -o demo.school.ron
      生成一所演示学校来试用 kehou
  kehou check demo.school.ron
      检查学校文件有没有错误
  kehou solve demo.school.ron -o demo.plan.ron
      排班
  kehou export demo.school.ron demo.plan.ron --format xlsx -o 值班表.xlsx
      值班表工作簿，给办公室
  kehou absent demo.school.ron demo.plan.ron --staff 王丽 --date 2026-9-8 --reason 病假
      有老师请病假：重新安排当天的岗位
  kehou roster demo.school.ron demo.plan.ron --date 2026-9-8
      某一天的值班表，含所有代课
  kehou help check
      一个命令的详细说明",
            usage: "kehou [命令] [--lang zh|en]",
            args: &[(
                "lang",
                "kehou 说话用的语言：zh（中文）或 en（英文）；默认按系统语言环境，没有时为中文",
            )],
            values: &[("lang", "语言")],
        },
        Cmd::Demo => Help {
            about: "生成一所演示学校来试用 kehou",
            long_about: "\
生成一所逼真的演示学校并保存为学校文件：各班级及每天留校的学生数、教职工、
场地、社团和作息时间表。同样的规模和编号总是生成同一所学校，说出它们就能
与别人共用一所演示学校。

如果文件已经存在，kehou 会先问（在终端上），或者需要 --force；旧文件另存为
文件名.bak。",
            examples: "\
例子：
  kehou demo -o demo.school.ron
      一所中等规模的学校（约 24 个班、60 位教师）
  kehou demo --size 小 --seed 7 -o small.school.ron
      一所小学校；换一个编号就是另一所学校",
            usage: "kehou demo -o 文件 [--size 小|中|大] [--profile 演示|真实] [--seed 数] [--force]",
            args: &[
                (
                    "size",
                    "学校规模：小（约 12 个班）、中（约 24 个班、1000 名学生、60 位教师；默认）、大（约 60 个班、180 位教职工）",
                ),
                ("seed", "同一规模下的哪一所：任意整数（默认 2026）"),
                (
                    "profile",
                    "学校的样子：演示（人手宽裕；默认），或真实（按年级段的教研下午、每周 2 至 5 个岗位的上限、兼职人员、周四人手紧）",
                ),
                ("output", "学校保存到哪里，如 demo.school.ron"),
                (
                    "force",
                    "文件已存在时直接替换（旧文件另存为 .bak）；不加时 kehou 会先问，无法询问时则拒绝",
                ),
            ],
            values: &[
                ("seed", "数"),
                ("output", "文件"),
                ("size", "规模"),
                ("profile", "类型"),
            ],
        },
        Cmd::Check => Help {
            about: "检查学校文件（和方案）有没有错误",
            long_about: "\
检查学校文件：会让 kehou 排不了班的问题（错误），以及看起来不对劲的地方（警告）。
所有问题一次列出，每条写明涉及哪一项、应该怎么改。

同时给出方案文件时，还检查方案是不是按学校现在的数据排的（学校有任何改动后都要
重新排班），以及它是否遵守每一条硬性规则：每个岗位人数够、有负责人，特长、
可用时间、请假，没有人同时在两处，场地、上限和锁定。

退出状态：0 没有影响排班的问题（可以有警告）；1 有错误、方案已过期或违反规则；
2 有文件读不了。",
            examples: "\
例子：
  kehou check demo.school.ron
      检查学校文件
  kehou check demo.school.ron demo.plan.ron
      检查学校，以及方案是否还与学校一致",
            usage: "kehou check 学校文件 [方案文件]",
            args: &[
                ("school", SCHOOL),
                ("plan", "为这所学校排的方案文件，如 demo.plan.ron"),
            ],
            values: &[("school", "学校文件"), ("plan", "方案文件")],
        },
        Cmd::Solve => Help {
            about: "为学校排班并保存为方案",
            long_about: "\
为学校排班：在整个轮换周期里，每个托管班、社团、弹性离校组和值班岗位由谁担任，
让每一组都有足够的成人，没有人同时在两处，工作量分配公平。方案按每一条硬性
规则检查后保存为方案文件；最后的小结说明方案有多好，哪些岗位排不上、为什么。

先检查学校数据；有错误就不排（见 kehou check）。人手不足（某个社团暂时没人能
指导、没有值班领导）只是警告：其余照常排，这些岗位列为缺人。

方案文件已经存在时，重新排班会尽量少改：先排满所有排得上的岗位，再尽量保留
原方案的安排（学校没改动时一项都不改），最后才让分配更公平。锁定、手动代课和
本学期的请假都会保留；保留不了的会写明原因。小结会说改动了多少项、其中多少项
是因为您的修改而必须改的。--max-changes 数：为了更公平最多允许改动这么多项；
--fresh：完全重新优化（锁定仍保留）。旧方案另存为 .bak。

凡是排得上的岗位，一秒之内就会排好，不论时限多长；剩下的时间（学校设置里的
排班时限，默认 60 秒）用来让分配更公平。时间到了还没证明是最好的方案，也照样
保存，并说明它离最好还差多少。

退出状态：0 每个岗位都排上了；1 有岗位排不上（方案已保存，小结说明原因）、在
时限内没找到方案（不保存）或学校有错误；2 有文件读不了或写不了；3 方案没通过
kehou 自己的检查——这是 kehou 的缺陷：不保存，请报告。",
            examples: "\
例子：
  kehou solve demo.school.ron -o demo.plan.ron
      排班并保存
  kehou solve demo.school.ron -o demo.plan.ron --time-limit 300 --cycle-weeks 2
      最多搜索 5 分钟，值班按单双周轮换
  kehou solve demo.school.ron -o demo.plan.ron --max-changes 20
      修改学校之后：改必须改的，为了公平最多再改到 20 项
  kehou solve demo.school.ron -o demo.plan.ron --fresh
      整个值班表完全重新优化",
            usage: "kehou solve 学校文件 -o 方案文件 [--time-limit 秒数] [--cycle-weeks 周数] [--max-changes 数 | --fresh]",
            args: &[
                ("school", SCHOOL),
                (
                    "output",
                    "方案保存到哪里，如 demo.plan.ron（那里已有的方案会作为参照，并另存为 .bak）",
                ),
                ("time_limit", "最多搜索多少秒（默认：学校设置里的排班时限）"),
                ("cycle_weeks", "轮换周期的周数，1 至 4（默认：学校设置）"),
                (
                    "fresh",
                    "完全重新优化，而不是尽量少改原方案（锁定仍保留）",
                ),
                (
                    "max_changes",
                    "已有方案时：为了更公平，总共最多改动这么多项（默认：只改排满岗位所需的）",
                ),
                (
                    "write_model",
                    "同时把数学模型以 CPLEX LP 格式写到这个文件，供求解专家使用",
                ),
            ],
            values: &[
                ("school", "学校文件"),
                ("output", "方案文件"),
                ("time_limit", "秒数"),
                ("cycle_weeks", "周数"),
                ("max_changes", "数"),
                ("write_model", "文件"),
            ],
        },
        Cmd::Export => Help {
            about: "把方案导出为值班表、工作簿、日历、考勤表、课时统计或 CSV",
            long_about: EXPORT_LONG,
            examples: "\
例子：
  kehou export demo.school.ron demo.plan.ron --format html -o 值班表.html
      打印用的值班表，每个周期周一页
  kehou export demo.school.ron demo.plan.ron --format html --date 2026-10-12 -o 今日.html
      当天的值班单，含代课
  kehou export demo.school.ron demo.plan.ron --format xlsx -o 值班表.xlsx
      给办公室的工作簿
  kehou export demo.school.ron demo.plan.ron --format ics -o 日历/
      每位教师一个日历文件；只要一人：--person 王丽 -o 王丽.ics
  kehou export demo.school.ron demo.plan.ron --format 课时 -o 课时统计.xlsx
      本学期课时，用于绩效工资
  kehou export demo.school.ron demo.plan.ron --format 考勤表 -o 考勤表.html
      每个托管班每周一页的考勤签到表
  kehou export demo.school.ron demo.plan.ron --format csv -o 值班表.csv
      电子表格用的值班表",
            usage: "kehou export 学校文件 方案文件 -o 文件 [--format 格式] [--date 日期] [--person 人员]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN),
                (
                    "format",
                    "导出格式：csv（默认）、html（值班表）、考勤表、xlsx（工作簿）、ics（日历）、课时",
                ),
                (
                    "date",
                    "某一个服务日：当天的值班单（html）、带日期一栏（csv）、那一周的考勤表",
                ),
                ("person", "某一个人（姓名或编号）：他的日历（ics）或课时"),
                (
                    "output",
                    "写到哪里，如 值班表.csv（日历写到一个文件夹）；- 表示标准输出",
                ),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("date", "日期"),
                ("person", "人员"),
                ("output", "文件"),
                ("format", "格式"),
            ],
        },
        Cmd::Import => Help {
            about: "用教职工、场地、班级和社团的 CSV 名单生成学校文件",
            long_about: IMPORT_LONG,
            examples: "\
例子：
  kehou import --staff 教职工.csv --rooms 场地.csv --classes 班级.csv --clubs 社团.csv -o 学校.school.ron
      用默认设置生成学校
  kehou import --staff 教职工.csv --rooms 场地.csv --classes 班级.csv --clubs 社团.csv --settings 上学期.school.ron -o 本学期.school.ron
      本学期的名单，沿用上学期的设置
  kehou import --workbook 学校.xlsx --settings 上学期.school.ron -o 本学期.school.ron
      四份名单是一个工作簿里的四张表",
            usage: "kehou import (--staff 文件 --rooms 文件 --classes 文件 [--clubs 文件] | --workbook 工作簿.xlsx) [--settings 学校文件] -o 学校文件",
            args: &[
                ("staff", "教职工名单，如 教职工.csv：每行一人"),
                ("rooms", "教室和场地名单，如 场地.csv"),
                ("classes", "班级及留校人数，如 班级.csv"),
                ("clubs", "社团名单，如 社团.csv；没有社团可不写"),
                (
                    "workbook",
                    "不用 CSV 文件时：一个 Excel 工作簿，含 教职工、场地（或 教室）、班级 和（可选的）社团 几张表",
                ),
                (
                    "settings",
                    "一个学校文件，沿用它的名称、学期、规则、作息时间表和值班设置",
                ),
                ("output", "学校保存到哪里，如 学校.school.ron"),
            ],
            values: &[
                ("staff", "文件"),
                ("rooms", "文件"),
                ("classes", "文件"),
                ("clubs", "文件"),
                ("workbook", "工作簿.xlsx"),
                ("settings", "学校文件"),
                ("output", "学校文件"),
            ],
        },
        Cmd::Bench => Help {
            about: "在生成的学校上测量求解器（供 docs/benchmarks.md 使用）",
            long_about: "\
生成一所学校（规模和编号同 kehou demo），用默认求解器排班，输出一行 Markdown
表格：规模、周期周数、岗位、变量（整数变量）、约束、第一和第二阶段用时、状态、
目标值、下界、差距和进程的峰值内存。每个进程只测一种规模，峰值内存才准。
这是给 kehou 开发者用的工具：表格和 docs/benchmarks.md 一样用英文。",
            examples: "\
例子：
  kehou bench --size 中 --cycle-weeks 2 --time-limit 60
  kehou bench --size 大 --cycle-weeks 4 --time-limit 60 --header
  kehou bench --profile 真实 --time-limit 20 --resolve-edits 0,1,5,20 --header
  kehou bench --size 大 --capacity --time-limit 20 --header",
            usage: "kehou bench [--size 规模] [--profile 样子] [--seed 数] [--cycle-weeks 周数] [--time-limit 秒数] [--header] [--runs 次数] [--no-band] [--resolve-edits 数,…] [--tui 学校文件] [--capacity]",
            args: &[
                ("size", "学校规模：小、中（默认）、大"),
                ("profile", "生成方式：演示（默认）或真实"),
                ("seed", "生成编号（默认 2026）"),
                ("cycle_weeks", "轮换周期的周数（默认 2）"),
                ("time_limit", "求解时限，秒（默认 60）"),
                ("header", "先输出表头"),
                ("runs", "求解这么多次，每次一行，最后一行给出目标值、界和最重者的最小、中位数和最大：嘈杂的机器上一次说明不了什么；峰值内存一栏是每次求解各自的峰值"),
                ("no_band", "不求最公平的范围（docs/model.md §5.3），用来测量它的得失；这一行的规模后注明 (no band)"),
                (
                    "resolve_edits",
                    "改为：先排班，再对每个数做这么多次随机修改（某人某个工作日不在），分别按尽量少改和完全重新优化重新排班；每项一行",
                ),
                (
                    "tui",
                    "改为不求解：测量终端界面画出这所学校及其方案的排班表所用的时间（200×60）",
                ),
                (
                    "capacity",
                    "改为不求解：在预设了各种缺口（没有、社团无人带、周四人手少、周五没有领导、三者都有）的学校上测量 kehou capacity 的用时；--time-limit 是每次搜索的时限",
                ),
            ],
            values: &[
                ("size", "规模"),
                ("profile", "样子"),
                ("seed", "数"),
                ("cycle_weeks", "周数"),
                ("time_limit", "秒数"),
                ("resolve_edits", "数,数,…"),
                ("tui", "学校文件"),
            ],
        },
        Cmd::Roster => Help {
            about: "显示某一天的值班表，含所有代课",
            long_about: "\
显示本学期某个实际日期谁在哪个岗位：那天所属周期周和按星期几上课的岗位（调休
的周六按它指定的星期上课），用那天所在作息季节的时间，并计入所有请假和代课。
有变动的岗位写明谁请假、谁代课、为什么。“岗位编号”一栏给出每个岗位的编号，
供 kehou candidates 和 kehou cover 使用。

节假日或停课日会直接说明。--format csv 输出与 kehou export --format csv 相同的
各行，第一栏为日期。",
            examples: "\
例子：
  kehou roster demo.school.ron demo.plan.ron --date 2026-9-8
      今天的值班表，贴到值班板上
  kehou roster demo.school.ron demo.plan.ron --date 2026-9-8 --format csv > 今日.csv
      同样内容的电子表格",
            usage: "kehou roster 学校文件 方案文件 --date 日期 [--format 文字|csv]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN),
                ("date", DATE),
                ("format", "显示方式：文字（对齐，给终端看；默认）或 csv"),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("date", "日期"),
                ("format", "方式"),
            ],
        },
        Cmd::Absent => Help {
            about: "登记请假并重新安排那几天的岗位",
            long_about: "\
登记某人某天（或从 --date 到 --to）不在，只重新安排那几天：他的每个岗位交给当时
空闲的人，遵守每一条规则（可用时间、请假、当天和当周的上限、谁能担任负责人、
没有人同时在两处）。kehou 尽量少改：优先找当天下午已在校的人而不是叫人来，
其次是本学期代课最少的人（代课一次 +1，被代一次 −1，与学校自己的记法相同），
再看个人意愿。长假一次安排完，整段时间内公平分配。

列出所有变动（日期、岗位、谁请假、谁代课、原因）。加 --yes，或回答 y，方案就会
保存，原方案另存为 .bak。不加 --yes 又无法在终端上询问时，不保存。

没有人能代的岗位当天列为缺人，写明原因和最适合去问的人；用 kehou cover 选一个。
--remove 撤销整段请假（所有日子，不只是 --date 那天）：此人回到自己的岗位。
要缩短请假，先撤销，再登记较短的一段。",
            examples: "\
例子：
  kehou absent demo.school.ron demo.plan.ron --staff 王丽 --date 2026-9-8 --reason 病假
      王老师今天病了：重新安排今天的岗位
  kehou absent demo.school.ron demo.plan.ron --staff 王丽 --date 2026-9-8 --sessions 弹性离校 --yes
      只缺弹性离校；不问直接保存
  kehou absent demo.school.ron demo.plan.ron --staff 王丽 --date 2026-10-12 --to 2026-10-23 --reason 产假
      请假两周
  kehou absent demo.school.ron demo.plan.ron --staff 王丽 --date 2026-9-8 --remove
      她还是来了：撤销包含这天的整段请假",
            usage: "kehou absent 学校文件 方案文件 --staff 人员 --date 日期 [--to 日期] [--sessions 时段,…] [--reason 原因] [--yes] [--remove]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN_UPDATED),
                ("staff", "谁请假：姓名或编号"),
                ("date", "请假的（第一）天，如 2026-9-8"),
                ("to", "请假的最后一天（默认同 --date）"),
                (
                    "sessions",
                    "只缺这些时段：基本服务、拓展服务、弹性离校（默认全天）",
                ),
                ("reason", "原因，记录用（病假、产假、外出培训……）"),
                ("remove", "撤销 --staff 包含 --date 那天的整段请假"),
                ("yes", "不问，直接保存"),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("staff", "人员"),
                ("date", "日期"),
                ("to", "日期"),
                ("sessions", "时段,…"),
                ("reason", "原因"),
            ],
        },
        Cmd::Candidates => Help {
            about: "列出某天谁能担任某个岗位，最合适的在前，并写明各自会违反什么",
            long_about: "\
列出某天能担任某个岗位的每一个人，最合适的在前：不违反任何规则的，其次是会超出
每日或每周上限的，最后是那时在别的岗位的（不能选）。当天下午已在校的排在需要
叫来的人前面；然后是本学期代课差最低的（代课 − 被代）；再看个人意愿。每行写明
选这个人会违反什么。

岗位是 --out 那个人空出的（此人须已登记请假），不写 --out 则为当天缺人的岗位
所缺的人。",
            examples: "\
例子：
  kehou roster demo.school.ron demo.plan.ron --date 2026-9-8
      先查当天各岗位的编号
  kehou candidates demo.school.ron demo.plan.ron --date 2026-9-8 --post w2-tue-basic-3-2 --out 王丽
      谁能代王老师在这个托管班的岗位",
            usage: "kehou candidates 学校文件 方案文件 --date 日期 --post 岗位编号 [--out 人员] [--top 数]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN),
                ("date", DATE),
                ("post", POST),
                ("out", OUT),
                ("top", "最多显示几个人（默认 15）"),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("date", "日期"),
                ("post", "岗位编号"),
                ("out", "人员"),
                ("top", "数"),
            ],
        },
        Cmd::Cover => Help {
            about: "手动指定某天某个岗位由谁代",
            long_about: "\
把某天某个岗位交给您选的人：--out 那个人空出的岗位（此人须已用 kehou absent
登记请假），不写 --out 则为当天缺人的岗位所缺的人。记录为手动安排，并写明违反了
什么：可以超出某人的上限或违背其意愿，但不能让人同时在两个岗位，也不能安排不在
的人。

先显示变动；加 --yes，或回答 y，就保存，原方案另存为 .bak。",
            examples: "\
例子：
  kehou cover demo.school.ron demo.plan.ron --date 2026-9-8 --post w2-tue-basic-3-2 --out 王丽 --staff 刘洋 --yes
      刘老师代王老师在这个托管班的岗位",
            usage: "kehou cover 学校文件 方案文件 --date 日期 --post 岗位编号 --staff 人员 [--out 人员] [--yes]",
            args: &[
                ("school", SCHOOL),
                ("plan", PLAN_UPDATED),
                ("date", DATE),
                ("post", POST),
                ("out", OUT),
                ("staff", "由谁代：姓名或编号"),
                ("yes", "不问，直接保存"),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("date", "日期"),
                ("post", "岗位编号"),
                ("out", "人员"),
                ("staff", "人员"),
            ],
        },
        Cmd::Capacity => Help {
            about: "还差多少人？算出补齐所有缺口最少要再加几位、什么样的成人",
            long_about: "\
算出最少再加几位成人（家长志愿者、社区志愿者、退休教师、外聘教练，或从别的
工作中抽出的教师、领导），就能让学校的每个岗位都有人，列成一张短名单：类别、
特长、星期几和哪个时段。各类人按找起来的难易加权（--price）；名单在这样的加权
下最省，并已证明，否则 kehou 会说离证明还差多少。任何人都补不上的缺口（班组比
所有教室都大、室外社团没有雨天场地、指定的负责人带不了）会单独说明。不缺人时，
列出用不着的志愿者和外聘人员的日子（给了方案就按方案算，否则按 kehou 自己的安
排算）。加 -o 会写出加上了拟招募人员的学校文件：对它排班就能看到有他们时的值班
表。

退出状态：0 不缺人；1 有缺口；2 有文件读不了或写不了。",
            examples: "\
例子：
  kehou capacity 学校.school.ron
  kehou capacity 学校.school.ron 学校.plan.ron --lang en
  kehou capacity 学校.school.ron -o 拟招募.school.ron
  kehou capacity 学校.school.ron --price 教练=8,教师=0",
            usage: "kehou capacity 学校文件 [方案文件] [-o 文件 [--force]] [--price 类别=数,…] [--time-limit 秒数]",
            args: &[
                ("school", "学校文件（名称.school.ron）"),
                ("plan", "这所学校的方案：它留下哪些缺口，用了志愿者哪些日子"),
                ("output", "写出加上了拟招募人员的学校（新的学校文件）"),
                (
                    "price",
                    "某类人有多难找，如 教练=8（0：不建议这一类）；类别：教师、领导、退休教师、家长志愿者、社区志愿者、教练",
                ),
                ("time_limit", "每次搜索的时限，1 至 3600 秒（默认 20）"),
                ("force", "文件已存在时直接替换（旧文件另存为 .bak）"),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("output", "文件"),
                ("price", "类别=数"),
                ("time_limit", "秒数"),
            ],
        },
        Cmd::Tui => Help {
            about: "在终端界面中打开一所学校（不写命令时的默认操作）",
            long_about: "\
在交互式排班界面中打开学校文件及其方案（方案文件，不写则为学校文件旁的
名称.plan.ron；没有时为尚未排班的空方案）。查看值班表、修改学校数据、在后台
排班、锁定和手动调整岗位、登记请假、撤销，按 Ctrl-S 保存；按 ? 查看按键。
只输入 kehou 会打开上次打开的学校，没有时打开演示学校。",
            examples: "\
例子：
  kehou tui data/demo/demo.school.ron
  kehou tui 学校.school.ron --lang en
  kehou",
            usage: "kehou tui 学校文件 [方案文件] [--time-limit 秒数]",
            args: &[
                ("school", "学校文件（名称.school.ron）"),
                ("plan", "方案文件（默认：学校文件旁的 名称.plan.ron）"),
                (
                    "time_limit",
                    "在界面里排班的时限，1 至 86400 秒（默认：学校设置）",
                ),
            ],
            values: &[
                ("school", "学校文件"),
                ("plan", "方案文件"),
                ("time_limit", "秒数"),
            ],
        },
    }
}

const EXPORT_LONG: &str = "\
把方案导出为文件：给值班板、给每位教师、给财务室（课后服务课时计入绩效工资）。
各格式的说明见 docs/exports.md。导出的文字跟随 kehou 的语言（--lang）：标题、
工作表名、原因、日历都一样。

--format html    值班表：可打印的网页，每个周期周一张 A4 横向纸（大学校一周可能
                 占两张），横排星期、竖排时段，每天的值班领导突出显示。加
                 --date 日期：当天的值班单，标出代课（请假人划掉，代课人突出）。
                 在浏览器中打开后打印。
--format 考勤表  托管学生考勤记录表：每个托管班每周一张 A4，每天一行，有人数和
                 签字栏。加 --date 日期：那一教学周的考勤表，填好日期。
--format xlsx    工作簿，含 值班表、按人员、按教室、代课记录、课时统计 几张表。
--format ics     手机日历文件：每人一个，整个学期按实际日期（跳过节假日、包括
                 调休日、计入代课），时区为北京时间。-o 为一个文件夹；加 --person
                 时 -o 可以是一个日历文件。
--format 课时    本学期每人的课时：各类岗位的分钟数、弹性离校次数、代课和被代
                 次数、总课时。CSV，-o 以 .xlsx 结尾时为工作簿。--person：只要一人。
--format csv     值班表，每人每岗一行（见下）。加 --date 日期：当天的值班表，
                 第一栏为日期。

CSV（--format csv）每人每岗一行，各栏为
  周期周,星期,时段,开始,结束,岗位类型,岗位编号,班级或社团,场地,人员编号,姓名,角色
- 周期周：轮换周期中的第几周，从 1 开始
- 星期：周一至周五；时段：基本服务、拓展服务、弹性离校等；开始、结束：时:分
- 岗位类型：作业辅导、社团、弹性离校、值班领导、门岗、接待室
- 班级或社团：岗位带的班级，用 + 连接（3-1+3-2），或社团名称
- 场地：在哪里（没有学生的值班岗位为空）
- 角色：负责（负责的成人）、协助，或缺人
岗位编号和人员编号是供其他程序使用的编号。缺人的岗位每缺一人就有一行角色为
“缺人”、人员编号和姓名为空的记录（只有协助的人时，为缺的负责人另有一行），
这样值班板上看得出空缺。各行按周、星期、开始时间、岗位、角色和人员编号排列。
用英文（--lang en）时，表头和这些词为英文，与旧版相同。

文件为带字节顺序标记的 UTF-8，Excel 打开时中文不会乱码。以 = + - @（或制表符）
开头的格子前面加一个 '，电子表格不会把它当公式执行。

方案是按较早的学校数据排的，照样导出，但会提醒重新排班。文件已经存在时，旧文件
另存为 .bak。

退出状态：0 文件已写出（可以有警告）；2 有文件读不了或写不了、那天没有课后
服务，或学校里没有这个人。";

const IMPORT_LONG: &str = "\
用电子表格里的名单生成学校文件：教职工、场地、班级和社团，各存为 CSV UTF-8
（Excel：另存为“CSV UTF-8（逗号分隔）”；WPS：另存为 CSV 并选 UTF-8）。表头可以
是中文或英文，顺序不限；[方括号] 里的栏可以没有：

  教职工  工号、姓名、类别、[特长]、[班主任班级]、[每周上限]、[每日上限]、
          [不可用时段]、[免弹性离校]、[每日课时]
  场地    编号、名称、类型、容量、[室外]、[备用场地]、[不可用时段]
  班级    班级、[年级]、本班教室、[班主任]、基本服务人数、[拓展服务人数]、
          [弹性离校人数]
  社团    社团编号、社团名称、所需特长、年级、报名人数、活动安排、场地类型、
          [指导教师]、[室外]

格子里的写法：多项用 ; 隔开（作业辅导;足球）；星期写 周一 至 周五；时段写
基本、拓展、弹性离校 或 全天；不可用时段如 周四:基本;周五:全天；每天的人数如
38;36;38;35;30，或一个数表示每天一样；年级如 3-6 或 3；社团活动如
周二:拓展;周四:拓展，或每周几次，如 2；是非栏写 是/否（空为否）；类别、类型和
特长写中文名称即可（教师、体育馆、足球）；日期写 2026-09-08、2026-9-8 或
2026/9/8。指导教师和班主任可以写姓名。data/import/ 里的文件是一套完整的例子。

学校名称、学期、规则、作息时间表和值班设置取自 --settings 给出的已有学校文件
（比如上学期的）。不给时用本学年的默认设置：请在写出的文件里检查。

也可以把名单放在一个 Excel 工作簿的几张表里（--workbook 学校.xlsx）：表名为
教职工、场地（或 教室）、班级、社团，每张表第一行是上面的栏目。格子里换行也表示
分隔多项。

每个文件或工作表里的所有问题一次列出，写明文件（和工作表）、行和列。然后像
kehou check 一样检查学校。没有错误才写出学校文件（可以有警告）；学校文件已存在
时，旧文件另存为 .bak。

退出状态：0 已写出学校（可以有警告）；1 学校有错误，没有写出；2 有文件读不了或
CSV 文件有问题，没有写出。";
