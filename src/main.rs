fn main() {
    println!("kehou");
}
