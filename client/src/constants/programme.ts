/**
 * Where the programme runs today: the service-area picker starts in this county when a person has
 * no area yet (the pilot county, 广西柳州市融水苗族自治县). Someone from elsewhere walks up to the
 * city and province and down again. One constant, so a second county is a one-line change here.
 */
export const PROGRAMME_COUNTY = '450225000000'

/** How long vetting usually takes, as the status page tells the volunteer. */
export const VETTING_WORKING_DAYS = '3–5个工作日'
