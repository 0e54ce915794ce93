//! The words of `kehou` with no command when its output is not a terminal.

use crate::words::Lang;

/// What it says about the demo school.
pub struct Overview<'a> {
    pub school: &'a str,
    pub source: &'a str,
    pub term: &'a str,
    pub first: chrono::NaiveDate,
    pub last: chrono::NaiveDate,
    pub days: usize,
    pub cycle: u8,
    /// Teachers, leaders, retired, parents, community, coaches.
    pub staff: [usize; 6],
    pub classes: usize,
    pub students: u32,
    pub rooms: usize,
    pub clubs: usize,
    pub errors: usize,
}

#[allow(clippy::many_single_char_names)]
pub fn text(lang: Lang, o: &Overview<'_>) -> String {
    let [t, l, r, p, c, k] = o.staff;
    match lang {
        Lang::Zh => {
            let check = if o.errors == 0 {
                "没有错误".to_owned()
            } else {
                format!("{} 个错误", o.errors)
            };
            format!(
                "kehou 课后服务排班\n\n\
{} （{}）\n\
  学期：{}，{} 至 {}，{} 个服务日，{} 周轮换\n\
  教职工：教师 {t} 人，行政 {l} 人，退休教师 {r} 人，家长志愿者 {p} 人，社区志愿者 {c} 人，外聘教练 {k} 人\n\
  {} 个班级（周一基本服务 {} 名学生），{} 个场地，{} 个社团\n\
  检查：{check}\n\n\
下一步：\n\
  kehou solve data/demo/demo.school.ron -o demo.plan.ron    # 排班（约一分钟）\n\
  kehou export data/demo/demo.school.ron demo.plan.ron --format xlsx -o 值班表.xlsx\n\
  kehou help                                                 # 所有命令\n",
                o.school,
                o.source,
                o.term,
                o.first,
                o.last,
                o.days,
                o.cycle,
                o.classes,
                o.students,
                o.rooms,
                o.clubs
            )
        }
        Lang::En => {
            let check = if o.errors == 0 {
                "no errors".to_owned()
            } else {
                format!("{} errors", o.errors)
            };
            format!(
                "kehou — after-school service rota\n\n\
{} ({})\n\
  term: {}, {} to {}, {} service days, {}-week rotation cycle\n\
  staff: {t} teachers, {l} leaders, {r} retired teachers, {p} parent and {c} community volunteers, {k} coaches\n\
  {} classes ({} students in basic service on Mondays), {} rooms, {} clubs\n\
  check: {check}\n\n\
Next:\n\
  cargo run --release -- solve data/demo/demo.school.ron -o demo.plan.ron    # make the rota (about a minute)\n\
  cargo run --release -- export data/demo/demo.school.ron demo.plan.ron -o roster.csv\n\
  cargo run --release -- help                                                 # every command\n",
                o.school,
                o.source,
                o.term,
                o.first,
                o.last,
                o.days,
                o.cycle,
                o.classes,
                o.students,
                o.rooms,
                o.clubs
            )
        }
    }
}

/// Where the school came from when no file was found.
pub fn in_memory(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "kehou demo，内存中生成",
        Lang::En => "kehou demo (in memory)",
    }
}
