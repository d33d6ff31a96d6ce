// Numbers as Chinese pages write them, for counts ("三个议题") and clock hours ("下午两点").
export const chineseNumbers: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
}
