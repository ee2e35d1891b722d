output "no_final_newline" {
  value = "the file ends right after the brace"
}